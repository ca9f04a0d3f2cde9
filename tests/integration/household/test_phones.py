"""Phones of households and people: add, reprioritize, end."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.errors import BadInput, NotFound
from graph_service.services import phones
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household, get_person
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import graph_snapshot, make_household, make_person


async def test_added_phones_get_the_next_priority(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, phone={"number": "612-555-0100"})

    await submit(
        phones.add_phone,
        ctx,
        {"ownerId": household.id, "expectedVersion": 1, "number": "+1 612 555 0101"},
    )

    view = await get_household(ctx, household.id)
    assert [(p.phone.number, p.priority) for p in view.phones] == [
        ("+16125550100", 1),
        ("+16125550101", 2),
    ]


async def test_reprioritize_phones_reorders_them(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, phone={"number": "612-555-0100"})
    second = await submit(
        phones.add_phone,
        ctx,
        {"ownerId": household.id, "expectedVersion": 1, "number": "612-555-0101"},
    )
    first = (await get_household(ctx, household.id)).phones[0].phone.id

    await submit(
        phones.reprioritize_phones,
        ctx,
        {"ownerId": household.id, "expectedVersion": 2, "phoneIds": [second, first]},
    )

    view = await get_household(ctx, household.id)
    assert [p.phone.id for p in view.phones] == [second, first]
    assert [p.priority for p in view.phones] == [1, 2]


async def test_reprioritize_must_name_every_current_phone(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, phone={"number": "612-555-0100"})
    await submit(
        phones.add_phone,
        ctx,
        {"ownerId": household.id, "expectedVersion": 1, "number": "612-555-0101"},
    )
    first = (await get_household(ctx, household.id)).phones[0].phone.id
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput) as refused:
        await submit(
            phones.reprioritize_phones,
            ctx,
            {"ownerId": household.id, "expectedVersion": 2, "phoneIds": [first]},
        )

    assert refused.value.field == "phoneIds"
    assert await graph_snapshot(ctx) == before


async def test_duplicate_phone_priority_is_refused(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, phone={"number": "612-555-0100"})

    with pytest.raises(BadInput) as refused:
        await submit(
            phones.add_phone,
            ctx,
            {
                "ownerId": household.id,
                "expectedVersion": 1,
                "number": "612-555-0101",
                "priority": 1,
            },
        )
    assert refused.value.field == "priority"


async def test_person_phone_is_shared_with_household_number(ctx: UseCaseContext) -> None:
    person = await make_person(ctx)
    household = await make_household(ctx, phone={"number": "612-555-0100"})

    phone_id = await submit(
        phones.add_phone,
        ctx,
        {"ownerId": person.id, "expectedVersion": 1, "number": "6125550100", "type": "mobile"},
    )

    person_view = await get_person(ctx, person.id)
    assert [p.phone.id for p in person_view.phones] == [phone_id]
    assert (await get_household(ctx, household.id)).phones[0].phone.id == phone_id


async def test_end_phone_drops_it_from_later_reads(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, phone={"number": "612-555-0100"})
    phone_id = (await get_household(ctx, household.id)).phones[0].phone.id

    await submit(
        phones.end_phone,
        ctx,
        {
            "ownerId": household.id,
            "phoneId": phone_id,
            "expectedVersion": 1,
            "endDate": date(2026, 8, 1),
        },
    )

    assert (await get_household(ctx, household.id, as_of=date(2026, 8, 1))).phones
    assert (await get_household(ctx, household.id, as_of=date(2026, 8, 2))).phones == []


async def test_invalid_phone_number_is_bad_input(ctx: UseCaseContext) -> None:
    household = await make_household(ctx)
    with pytest.raises(BadInput) as refused:
        await submit(
            phones.add_phone,
            ctx,
            {"ownerId": household.id, "expectedVersion": 1, "number": "555-01"},
        )
    assert refused.value.field == "number"


async def test_phone_for_unknown_owner_is_not_found(ctx: UseCaseContext) -> None:
    with pytest.raises(NotFound):
        await submit(
            phones.add_phone,
            ctx,
            {"ownerId": "nobody", "expectedVersion": 1, "number": "612-555-0100"},
        )
