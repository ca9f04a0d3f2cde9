"""Duplicate-person candidates, with the evidence for each pair."""

from __future__ import annotations

from datetime import date

from graph_service.domain.steward import DuplicateEvidence, DuplicatePair
from graph_service.services import steward
from graph_service.services.steward_gate import DistrictView
from tests.integration.steward.conftest import YU_PHONE, District


def _pairs(items: list[DuplicatePair]) -> list[tuple[str, str, list[DuplicateEvidence]]]:
    return [(pair.first.label, pair.second.label, pair.evidence) for pair in items]


async def test_each_kind_of_evidence_finds_its_planted_pair_and_nothing_else(
    view: DistrictView, district: District
) -> None:
    page = await steward.duplicate_candidates(view)

    assert _pairs(page.items) == [
        ("Wes Wong", "Wes Wong", [DuplicateEvidence.NAME_AND_BIRTH_DATE]),
        ("Xia Xu", "Xia Xu", [DuplicateEvidence.NAME_AND_HOUSEHOLD]),
        ("Yan Yu", "Zed Zane", [DuplicateEvidence.BIRTH_DATE_AND_PHONE]),
    ]
    assert page.total_count == 3
    wes, xia, yan = page.items
    assert wes.birth_date == date(2001, 2, 3)
    assert xia.birth_date is None  # they differ; the household is the evidence
    assert xia.shared_household_ids == [district.households["Quill household"]]
    assert yan.shared_phone_numbers == [YU_PHONE]
    assert {wes.first.id, wes.second.id} == {
        district.person("Wes Wong"),
        district.person("Wes Wong 2"),
    }  # the third Wes Wong was merged away


async def test_duplicates_page_by_cursor(view: DistrictView, district: District) -> None:
    first = await steward.duplicate_candidates(view, first=2)
    rest = await steward.duplicate_candidates(view, first=2, after=first.next_cursor)

    assert [pair.first.label for pair in first.items] == ["Wes Wong", "Xia Xu"]
    assert [pair.first.label for pair in rest.items] == ["Yan Yu"]
    assert rest.next_cursor is None
    assert first.total_count == rest.total_count == 3


async def test_household_and_phone_evidence_hold_only_while_current(
    view: DistrictView, district: District
) -> None:
    # Before anyone joined a household or had a phone, only the name and birth date remain.
    page = await steward.duplicate_candidates(view, as_of=date(2025, 12, 1))

    assert [pair.first.label for pair in page.items] == ["Wes Wong"]
