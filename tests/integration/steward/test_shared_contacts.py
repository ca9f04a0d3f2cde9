"""Households sharing an address or a phone number, on a day or ever."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.db import steward_shared
from graph_service.domain.steward import SharedBy, SharedContact
from graph_service.errors import BadInput
from graph_service.services import steward
from graph_service.services.steward_gate import DistrictView
from tests.integration.steward.conftest import OLD_PHONE, SHARED_PHONE, District

Span = tuple[str, date | None, date | None]
START = date(2026, 1, 1)


def _groups(items: list[SharedContact]) -> list[tuple[str, int, list[Span]]]:
    return [
        (
            item.label,
            item.household_count,
            [(h.household.label, h.start_date, h.end_date) for h in item.households],
        )
        for item in items
    ]


async def test_households_at_one_address_today(view: DistrictView, district: District) -> None:
    page = await steward.households_sharing(view, SharedBy.ADDRESS)

    assert _groups(page.items) == [
        ("12 Main St, Springfield, MN 55401", 2,
         [("Diaz household", START, None), ("Lee household", START, None)]),
    ]  # fmt: skip
    assert page.next_cursor is None


async def test_households_ever_at_one_address_include_who_moved_out(
    view: DistrictView, district: District
) -> None:
    page = await steward.households_sharing(view, SharedBy.ADDRESS, ever=True)

    assert [label for label, _, _ in _groups(page.items)] == [
        "12 Main St, Springfield, MN 55401",
        "40 Oak St, Springfield, MN 55401",
    ]
    assert _groups(page.items)[1][2] == [
        ("Moss household", START, date(2026, 4, 30)),
        ("Orr household", date(2026, 6, 1), None),
    ]


async def test_households_sharing_a_phone_today_and_ever(
    view: DistrictView, district: District
) -> None:
    today = await steward.households_sharing(view, SharedBy.PHONE)
    ever = await steward.households_sharing(view, SharedBy.PHONE, ever=True)

    assert _groups(today.items) == [
        (SHARED_PHONE, 2, [("Fox household", START, None), ("Lee household", START, None)])
    ]
    assert [group[0] for group in _groups(ever.items)] == [SHARED_PHONE, OLD_PHONE]
    assert _groups(ever.items)[1][2] == [
        ("Gray household", START, date(2026, 4, 30)),
        ("Ito household", date(2026, 6, 1), None),
    ]


async def test_as_of_a_day_when_only_one_household_was_there(
    view: DistrictView, district: District
) -> None:
    page = await steward.households_sharing(view, SharedBy.PHONE, as_of=date(2026, 3, 1))

    assert [item.label for item in page.items] == [SHARED_PHONE]


async def test_shared_contacts_page_by_cursor(view: DistrictView, district: District) -> None:
    first = await steward.households_sharing(view, SharedBy.ADDRESS, ever=True, first=1)
    second = await steward.households_sharing(
        view, SharedBy.ADDRESS, ever=True, first=1, after=first.next_cursor
    )

    assert [item.label for item in first.items] == ["12 Main St, Springfield, MN 55401"]
    assert [item.label for item in second.items] == ["40 Oak St, Springfield, MN 55401"]
    assert first.next_cursor is not None
    assert second.next_cursor is None


async def test_as_of_and_ever_together_are_refused(view: DistrictView, district: District) -> None:
    with pytest.raises(BadInput) as refused:
        await steward.households_sharing(view, SharedBy.PHONE, as_of=date(2026, 3, 1), ever=True)

    assert refused.value.field == "asOf"


async def test_one_households_shared_contacts(view: DistrictView, district: District) -> None:
    moss = district.households["Moss household"]
    lees = district.households["Lee household"]

    moss_now = await steward.households_sharing(view, SharedBy.ADDRESS, household_id=moss)
    moss_ever = await steward.households_sharing(
        view, SharedBy.ADDRESS, household_id=moss, ever=True
    )
    lee_phones = await steward.households_sharing(view, SharedBy.PHONE, household_id=lees)
    diaz_phones = await steward.households_sharing(
        view, SharedBy.PHONE, household_id=district.households["Diaz household"], ever=True
    )

    assert moss_now.items == []
    assert [(item.label, item.household_count) for item in moss_ever.items] == [
        ("40 Oak St, Springfield, MN 55401", 2)
    ]
    assert _groups(lee_phones.items) == [
        (SHARED_PHONE, 2, [("Fox household", START, None), ("Lee household", START, None)])
    ]
    assert diaz_phones.items == []


async def test_a_big_group_lists_its_first_households_and_counts_them_all(
    view: DistrictView, district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An apartment building can hold hundreds of households; the group keeps a page small.
    monkeypatch.setattr(steward_shared, "MAX_HOUSEHOLDS_PER_GROUP", 1)

    page = await steward.households_sharing(view, SharedBy.ADDRESS)

    assert _groups(page.items) == [
        ("12 Main St, Springfield, MN 55401", 2, [("Diaz household", START, None)])
    ]


@pytest.mark.parametrize("first", [0, 101])
async def test_page_size_outside_its_range_is_refused(
    view: DistrictView, district: District, first: int
) -> None:
    with pytest.raises(BadInput) as refused:
        await steward.households_sharing(view, SharedBy.PHONE, first=first)

    assert refused.value.field == "first"
