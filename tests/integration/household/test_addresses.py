"""Addresses of households: add, move, end, and reuse of one Address per place."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.errors import BadInput, StaleVersion
from graph_service.services import addresses
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household, get_household_history
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import address, graph_snapshot, make_household


async def test_move_household_ends_previous_address(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address("12", "Main")})

    await submit(
        addresses.move_household,
        ctx,
        {
            "householdId": household.id,
            "expectedVersion": 1,
            "address": address("400", "Oak", tag="Avenue"),
            "moveDate": date(2026, 6, 1),
        },
    )

    before = await get_household(ctx, household.id, as_of=date(2026, 5, 31))
    after = await get_household(ctx, household.id, as_of=date(2026, 6, 1))
    assert [loc.address.street for loc in before.locations] == ["Main"]
    assert before.locations[0].end_date == date(2026, 5, 31)
    assert [loc.address.street for loc in after.locations] == ["Oak"]
    history = await get_household_history(ctx, household.id)
    assert [(loc.address.street, loc.end_date) for loc in history.locations] == [
        ("Main", date(2026, 5, 31)),
        ("Oak", None),
    ]


async def test_move_on_the_day_the_address_started_is_refused(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address()})
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput) as refused:
        await submit(
            addresses.move_household,
            ctx,
            {
                "householdId": household.id,
                "expectedVersion": 1,
                "address": address("9", "Elm"),
                "moveDate": date(2026, 1, 1),
            },
        )

    assert refused.value.field == "moveDate"
    assert await graph_snapshot(ctx) == before


async def test_second_primary_physical_address_is_refused(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address()})
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput, match="primary physical"):
        await submit(
            addresses.add_address,
            ctx,
            {
                "householdId": household.id,
                "expectedVersion": 1,
                "address": address("9", "Elm"),
                "startDate": date(2026, 3, 1),
            },
        )

    assert await graph_snapshot(ctx) == before


async def test_secondary_address_can_be_added_beside_the_primary(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address()})

    await submit(
        addresses.add_address,
        ctx,
        {
            "householdId": household.id,
            "expectedVersion": 1,
            "address": {"poBox": "77", "city": "Springfield", "state": "mn", "zip": "55401"},
            "startDate": date(2026, 3, 1),
            "physical": False,
            "mailing": True,
        },
    )

    view = await get_household(ctx, household.id, as_of=date(2026, 3, 1))
    assert [(loc.address.po_box, loc.physical) for loc in view.locations] == [
        (None, True),
        ("77", False),
    ]


async def test_households_at_the_same_normalized_address_share_one_node(
    ctx: UseCaseContext,
) -> None:
    first = await make_household(ctx, "Lee", address={"address": address("12", "Main")})
    second = await make_household(
        ctx,
        "Park",
        address={"address": address("12", "  main ", tag="STREET", city="springfield")},
    )

    one = await get_household(ctx, first.id)
    two = await get_household(ctx, second.id)

    assert one.locations[0].address.id == two.locations[0].address.id
    assert one.locations[0].address.street == "Main"  # the first spelling is kept


async def test_end_address_sets_its_last_day(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address()})
    view = await get_household(ctx, household.id)
    address_id = view.locations[0].address.id

    await submit(
        addresses.end_address,
        ctx,
        {
            "householdId": household.id,
            "addressId": address_id,
            "expectedVersion": 1,
            "endDate": date(2026, 8, 31),
        },
    )

    assert (await get_household(ctx, household.id, as_of=date(2026, 8, 31))).locations
    assert (await get_household(ctx, household.id, as_of=date(2026, 9, 1))).locations == []


async def test_ending_an_ended_address_is_refused(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address()})
    address_id = (await get_household(ctx, household.id)).locations[0].address.id
    end = {"householdId": household.id, "addressId": address_id, "endDate": date(2026, 2, 1)}
    await submit(addresses.end_address, ctx, {**end, "expectedVersion": 1})
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput, match="already ended"):
        await submit(
            addresses.end_address, ctx, {**end, "expectedVersion": 2, "endDate": date(2026, 3, 1)}
        )

    assert await graph_snapshot(ctx) == before


async def test_end_address_before_it_started_is_refused(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address()})
    address_id = (await get_household(ctx, household.id)).locations[0].address.id

    with pytest.raises(BadInput) as refused:
        await submit(
            addresses.end_address,
            ctx,
            {
                "householdId": household.id,
                "addressId": address_id,
                "expectedVersion": 1,
                "endDate": date(2025, 12, 31),
            },
        )
    assert refused.value.field == "endDate"


async def test_move_with_stale_version_changes_nothing(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address()})
    before = await graph_snapshot(ctx)

    with pytest.raises(StaleVersion):
        await submit(
            addresses.move_household,
            ctx,
            {
                "householdId": household.id,
                "expectedVersion": 7,
                "address": address("9", "Elm"),
                "moveDate": date(2026, 6, 1),
            },
        )

    assert await graph_snapshot(ctx) == before


async def test_invalid_state_and_zip_are_bad_input(ctx: UseCaseContext) -> None:
    with pytest.raises(BadInput) as refused:
        await make_household(ctx, address={"address": address(state="ZZ", zip="5540")})
    fields = {problem.field for problem in refused.value.problems}
    assert fields == {"address.address.state", "address.address.zip"}


async def test_moving_to_the_address_the_household_is_at_is_refused(ctx: UseCaseContext) -> None:
    household = await make_household(ctx, address={"address": address("12", "Main")})
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput, match="already lives"):
        await submit(
            addresses.move_household,
            ctx,
            {
                "householdId": household.id,
                "expectedVersion": 1,
                "address": address("12", "main", tag="street"),
                "moveDate": date(2026, 6, 1),
            },
        )

    assert await graph_snapshot(ctx) == before
