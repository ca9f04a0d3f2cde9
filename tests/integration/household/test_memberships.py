"""Memberships: add, end, move a person, split a household."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.errors import BadInput
from graph_service.services import households, memberships
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household, get_person
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import (
    address,
    graph_snapshot,
    make_household,
    make_person,
)


async def test_second_current_primary_membership_is_refused(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    await make_household(ctx, "First", members=[ann])
    second = await make_household(ctx, "Second")
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput, match="primary household"):
        await submit(
            memberships.add_member,
            ctx,
            {
                "householdId": second.id,
                "expectedVersion": 1,
                "personId": ann.id,
                "startDate": date(2026, 5, 1),
            },
        )

    assert await graph_snapshot(ctx) == before


async def test_secondary_membership_beside_the_primary_is_allowed(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    await make_household(ctx, "First", members=[ann])
    second = await make_household(ctx, "Second")

    await submit(
        memberships.add_member,
        ctx,
        {
            "householdId": second.id,
            "expectedVersion": 1,
            "personId": ann.id,
            "startDate": date(2026, 5, 1),
            "secondary": True,
        },
    )

    view = await get_person(ctx, ann.id)
    assert [(m.household.name, m.secondary) for m in view.memberships] == [
        ("First", False),
        ("Second", True),
    ]


async def test_moving_a_person_ends_the_old_primary_membership_the_day_before(
    ctx: UseCaseContext,
) -> None:
    ann = await make_person(ctx)
    first = await make_household(ctx, "First", members=[ann])
    second = await make_household(ctx, "Second")

    await submit(
        memberships.move_person,
        ctx,
        {
            "householdId": second.id,
            "expectedVersion": 1,
            "personId": ann.id,
            "startDate": date(2026, 5, 1),
        },
    )

    old = await get_household(ctx, first.id, as_of=date(2026, 4, 30))
    assert [m.end_date for m in old.members] == [date(2026, 4, 30)]
    assert (await get_household(ctx, first.id, as_of=date(2026, 5, 1))).members == []
    assert [m.person.id for m in (await get_household(ctx, second.id)).members] == [ann.id]
    assert (await get_household(ctx, first.id)).household.version == 2


async def test_end_membership_keeps_the_record(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    household = await make_household(ctx, members=[ann])

    await submit(
        memberships.end_membership,
        ctx,
        {
            "householdId": household.id,
            "expectedVersion": 1,
            "personId": ann.id,
            "endDate": date(2026, 6, 30),
        },
    )

    assert (await get_household(ctx, household.id, as_of=date(2026, 7, 1))).members == []
    history = await get_household(ctx, household.id, as_of=date(2026, 6, 30))
    assert [m.end_date for m in history.members] == [date(2026, 6, 30)]


async def test_ending_an_ended_membership_is_refused(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    household = await make_household(ctx, members=[ann])
    end = {"householdId": household.id, "personId": ann.id, "endDate": date(2026, 6, 30)}
    await submit(memberships.end_membership, ctx, {**end, "expectedVersion": 1})

    with pytest.raises(BadInput, match="already ended"):
        await submit(
            memberships.end_membership,
            ctx,
            {**end, "expectedVersion": 2, "endDate": date(2026, 7, 31)},
        )


async def test_membership_ending_before_it_starts_is_bad_input(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    household = await make_household(ctx)
    with pytest.raises(BadInput) as refused:
        await submit(
            memberships.add_member,
            ctx,
            {
                "householdId": household.id,
                "expectedVersion": 1,
                "personId": ann.id,
                "startDate": date(2026, 5, 1),
                "endDate": date(2026, 4, 1),
            },
        )
    assert refused.value.field == "endDate"


async def test_split_household_moves_some_members_to_a_new_household(
    ctx: UseCaseContext,
) -> None:
    people = [await make_person(ctx, name) for name in ("Mom", "Dad", "Kid")]
    old = await make_household(ctx, "Lee", members=people, address={"address": address()})

    new = await submit(
        households.split_household,
        ctx,
        {
            "householdId": old.id,
            "expectedVersion": 1,
            "personIds": [people[1].id],
            "splitDate": date(2026, 7, 1),
            "newHousehold": {"name": "Lee (Dad)"},
            "address": {"address": address("9", "Elm")},
        },
    )

    old_view = await get_household(ctx, old.id, as_of=date(2026, 7, 1))
    new_view = await get_household(ctx, new.id, as_of=date(2026, 7, 1))
    assert sorted(m.person.first_name for m in old_view.members) == ["Kid", "Mom"]
    assert [m.person.first_name for m in new_view.members] == ["Dad"]
    assert [loc.address.street for loc in new_view.locations] == ["Elm"]
    june = await get_household(ctx, old.id, as_of=date(2026, 6, 30))
    assert len(june.members) == 3


async def test_split_with_a_non_member_is_refused(ctx: UseCaseContext) -> None:
    ann, stranger = await make_person(ctx, "Ann"), await make_person(ctx, "Stranger")
    household = await make_household(ctx, members=[ann])
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput) as refused:
        await submit(
            households.split_household,
            ctx,
            {
                "householdId": household.id,
                "expectedVersion": 1,
                "personIds": [stranger.id],
                "splitDate": date(2026, 7, 1),
                "newHousehold": {"name": "New"},
            },
        )

    assert refused.value.field == "personIds"
    assert await graph_snapshot(ctx) == before
