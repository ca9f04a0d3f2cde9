"""The census data-quality report finds exactly the planted breaks, as of a day."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.steward import CensusFinding, CensusRule
from graph_service.errors import BadInput
from graph_service.services import steward
from graph_service.services.steward_gate import DistrictView
from tests.integration.steward.conftest import District

PLANTED: dict[CensusRule, list[tuple[str, list[str]]]] = {
    CensusRule.STUDENT_WITHOUT_GUARDIAN: [("Finn Fox", ["Lincoln Elementary"])],
    CensusRule.MORE_THAN_TWO_GUARDIANS: [("Gus Gray", ["Gail Gray", "Glen Gray", "Gwen Hill"])],
    CensusRule.GUARDIAN_UNDER_18: [("Ian Ito", ["Ivy Ito"])],
    CensusRule.HOUSEHOLD_WITHOUT_PHYSICAL_ADDRESS: [("Nash household", ["Nora Nash"])],
    CensusRule.SEVERAL_PRIMARY_MEMBERSHIPS: [("Quinn Quill", ["Quill annex", "Quill household"])],
    CensusRule.GUARDIAN_IN_SEVERAL_HOUSEHOLDS: [("Rae Ross", ["Ross cabin", "Ross household"])],
    CensusRule.RELATIONSHIP_WITHOUT_TYPE_OR_START: [
        ("Uma Ulm → Val Ulm", ["Uma Ulm", "Val Ulm"]),
        ("Vic Ulm → Val Ulm", ["Vic Ulm", "Val Ulm"]),
    ],
    CensusRule.DUPLICATE_PERSON_CANDIDATES: [
        ("Wes Wong", ["Wes Wong"]),
        ("Xia Xu", ["Xia Xu"]),
        ("Yan Yu", ["Zed Zane"]),
    ],
}


def _shown(findings: list[CensusFinding]) -> list[tuple[str, list[str]]]:
    return sorted((f.subject.label, [ref.label for ref in f.related]) for f in findings)


async def test_summary_counts_exactly_the_planted_cases(
    view: DistrictView, district: District
) -> None:
    summary = await steward.census_summary(view)

    assert summary.as_of == date(2026, 9, 1)
    assert {count.rule: count.count for count in summary.rules} == {
        rule: len(cases) for rule, cases in PLANTED.items()
    }


@pytest.mark.parametrize("rule", list(CensusRule))
async def test_each_rule_lists_the_planted_records_and_nothing_else(
    view: DistrictView, district: District, rule: CensusRule
) -> None:
    page = await steward.census_findings(view, rule, first=100)

    assert _shown(page.items) == sorted(PLANTED[rule])
    assert page.total_count == len(PLANTED[rule])
    assert page.next_cursor is None
    assert all(finding.rule is rule and finding.detail for finding in page.items)


async def test_findings_say_what_is_wrong(view: DistrictView, district: District) -> None:
    under_18 = await steward.census_findings(view, CensusRule.GUARDIAN_UNDER_18)
    untyped = await steward.census_findings(view, CensusRule.RELATIONSHIP_WITHOUT_TYPE_OR_START)
    duplicates = await steward.census_findings(view, CensusRule.DUPLICATE_PERSON_CANDIDATES)

    assert under_18.items[0].detail == "guardian aged 16 on 2026-09-01 (born 2010-01-15)"
    assert {f.subject.id: f.detail for f in untyped.items} == {
        district.relationships["no start"]: "relationship without start date",
        district.relationships["no type"]: "relationship without type",
    }
    assert [f.detail for f in duplicates.items] == [
        "same name and birth date",
        "same name in the same household",
        "same birth date and phone",
    ]


@pytest.mark.parametrize(
    "rule", [CensusRule.RELATIONSHIP_WITHOUT_TYPE_OR_START, CensusRule.DUPLICATE_PERSON_CANDIDATES]
)
async def test_findings_page_by_cursor_without_gaps_or_repeats(
    view: DistrictView, district: District, rule: CensusRule
) -> None:
    seen: list[CensusFinding] = []
    after = None
    for _ in range(5):
        page = await steward.census_findings(view, rule, first=1, after=after)
        seen.extend(page.items)
        assert page.total_count == len(PLANTED[rule])
        after = page.next_cursor
        if after is None:
            break

    assert _shown(seen) == sorted(PLANTED[rule])
    assert len({f.subject.id for f in seen}) == len(seen)


async def test_an_ended_membership_no_longer_counts(view: DistrictView, district: District) -> None:
    # Bob Lee, Cal's guardian, was also a member of the Diaz household until 2026-06-30.
    in_june = await steward.census_findings(
        view, CensusRule.GUARDIAN_IN_SEVERAL_HOUSEHOLDS, as_of=date(2026, 6, 1)
    )
    today = await steward.census_findings(view, CensusRule.GUARDIAN_IN_SEVERAL_HOUSEHOLDS)

    assert sorted(f.subject.label for f in in_june.items) == ["Bob Lee", "Rae Ross"]
    assert [f.subject.label for f in today.items] == ["Rae Ross"]


async def test_report_as_of_a_day_before_a_fact_began(
    view: DistrictView, district: District
) -> None:
    # Quinn's second primary membership starts 2026-03-01, Rae's cabin 2026-02-01; nobody
    # was enrolled yet on 1 January.
    summary = await steward.census_summary(view, as_of=date(2026, 1, 20))
    new_year = await steward.census_summary(view, as_of=date(2026, 1, 1))

    counts = {count.rule: count.count for count in summary.rules}
    assert counts[CensusRule.SEVERAL_PRIMARY_MEMBERSHIPS] == 0
    assert counts[CensusRule.GUARDIAN_IN_SEVERAL_HOUSEHOLDS] == 1  # Bob
    students = {c.rule: c.count for c in new_year.rules}
    assert students[CensusRule.STUDENT_WITHOUT_GUARDIAN] == 0
    assert students[CensusRule.MORE_THAN_TWO_GUARDIANS] == 0


async def test_a_forged_cursor_is_bad_input(view: DistrictView, district: District) -> None:
    with pytest.raises(BadInput) as refused:
        await steward.census_findings(view, CensusRule.GUARDIAN_UNDER_18, after="bm90IGEgY3Vyc29y")

    assert refused.value.field == "after"
