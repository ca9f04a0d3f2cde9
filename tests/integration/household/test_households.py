"""Creating, editing and reading households against the real graph."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.errors import BadInput, NotFound, StaleVersion
from graph_service.services import households, memberships, relationships
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household, get_household_history
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import (
    address,
    graph_snapshot,
    make_household,
    make_person,
    make_school,
)


async def test_create_household_with_address_phone_and_members_in_one_go(
    ctx: UseCaseContext,
) -> None:
    ann, bob = await make_person(ctx, "Ann"), await make_person(ctx, "Bob")
    household = await make_household(
        ctx,
        members=[ann, bob],
        address={"address": address()},
        phone={"number": "(612) 555-0142", "type": "mobile"},
    )

    view = await get_household(ctx, household.id, as_of=date(2026, 2, 1))

    assert household.version == 1
    assert household.created_by == "staff-1"
    assert [m.person.first_name for m in view.members] == ["Ann", "Bob"]
    assert [loc.address.street for loc in view.locations] == ["Main"]
    assert view.locations[0].physical
    assert view.locations[0].mailing
    assert [(p.phone.number, p.priority) for p in view.phones] == [("+16125550142", 1)]


async def test_household_read_before_it_started_shows_nobody(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    household = await make_household(ctx, members=[ann], start=date(2026, 1, 1))

    view = await get_household(ctx, household.id, as_of=date(2025, 12, 31))

    assert view.members == []
    assert view.household.name == "Lee household"


async def test_create_household_at_school_records_where_it_was_created(
    ctx: UseCaseContext,
) -> None:
    school_id = await make_school(ctx)

    household = await make_household(ctx, createdAtSchoolId=school_id)

    assert household.created_at_school_id == school_id


async def test_create_household_at_unknown_school_changes_nothing(ctx: UseCaseContext) -> None:
    before = await graph_snapshot(ctx)

    with pytest.raises(NotFound, match="School"):
        await make_household(ctx, createdAtSchoolId="no-such-school")

    assert await graph_snapshot(ctx) == before


async def test_create_household_with_unknown_member_leaves_no_household(
    ctx: UseCaseContext,
) -> None:
    before = await graph_snapshot(ctx)

    with pytest.raises(NotFound, match="Person"):
        await submit(
            households.create_household,
            ctx,
            {
                "name": "Ghosts",
                "startDate": date(2026, 1, 1),
                "address": {"address": address()},
                "members": [{"personId": "ghost"}],
            },
        )

    assert await graph_snapshot(ctx) == before


async def test_blank_household_name_is_bad_input(ctx: UseCaseContext) -> None:
    with pytest.raises(BadInput) as refused:
        await make_household(ctx, name="   ")
    assert refused.value.field == "name"


async def test_edit_household_renames_and_bumps_version(ctx: UseCaseContext) -> None:
    household = await make_household(ctx)

    edited = await submit(
        households.edit_household,
        ctx,
        {
            "householdId": household.id,
            "expectedVersion": 1,
            "name": "  Lee   Family ",
            "comments": "call after 5",
            "private": True,
        },
    )

    assert (edited.name, edited.comments, edited.private) == ("Lee Family", "call after 5", True)
    assert edited.version == 2


async def test_edit_household_with_stale_version_is_a_conflict(ctx: UseCaseContext) -> None:
    household = await make_household(ctx)
    change = {"householdId": household.id, "expectedVersion": 1, "name": "Renamed"}
    await submit(households.edit_household, ctx, change)
    before = await graph_snapshot(ctx)

    with pytest.raises(StaleVersion):
        await submit(households.edit_household, ctx, {**change, "name": "Again"})

    assert await graph_snapshot(ctx) == before


async def test_edit_missing_household_is_not_found(ctx: UseCaseContext) -> None:
    with pytest.raises(NotFound):
        await submit(
            households.edit_household,
            ctx,
            {"householdId": "nope", "expectedVersion": 1, "name": "X"},
        )


async def test_household_history_lists_every_membership_location_and_relationship(
    ctx: UseCaseContext,
) -> None:
    mom = await make_person(ctx, "Mom", birthDate=date(1980, 1, 1))
    kid = await make_person(ctx, "Kid")
    household = await make_household(ctx, members=[mom, kid], address={"address": address()})
    await submit(
        relationships.set_relationship,
        ctx,
        {
            "personId": mom.id,
            "relatedPersonId": kid.id,
            "type": "Mother",
            "startDate": date(2015, 3, 4),
        },
    )
    await submit(
        memberships.end_membership,
        ctx,
        {
            "householdId": household.id,
            "expectedVersion": 1,
            "personId": kid.id,
            "endDate": date(2026, 6, 30),
        },
    )

    history = await get_household_history(ctx, household.id)

    assert sorted((m.person.first_name, m.end_date) for m in history.members) == [
        ("Kid", date(2026, 6, 30)),
        ("Mom", None),
    ]
    assert [loc.address.street for loc in history.locations] == ["Main"]
    assert [(r.from_person_id, r.to_person_id, r.type) for r in history.relationships] == [
        (mom.id, kid.id, "Mother")
    ]


async def test_household_read_shows_relationships_between_members_on_the_day(
    ctx: UseCaseContext,
) -> None:
    mom = await make_person(ctx, "Mom", birthDate=date(1980, 1, 1))
    kid = await make_person(ctx, "Kid")
    household = await make_household(ctx, members=[mom, kid])
    await submit(
        relationships.set_relationship,
        ctx,
        {"personId": mom.id, "relatedPersonId": kid.id, "type": "Mother", "guardian": True,
         "startDate": date(2026, 1, 1)},
    )  # fmt: skip
    await submit(
        memberships.end_membership,
        ctx,
        {"householdId": household.id, "expectedVersion": 1, "personId": mom.id,
         "endDate": date(2026, 6, 30)},
    )  # fmt: skip

    together = await get_household(ctx, household.id, as_of=date(2026, 6, 30))
    apart = await get_household(ctx, household.id, as_of=date(2026, 7, 1))

    assert [(r.from_person_id, r.to_person_id, r.type, r.guardian)
            for r in together.relationships] == [(mom.id, kid.id, "Mother", True)]  # fmt: skip
    assert apart.relationships == []
