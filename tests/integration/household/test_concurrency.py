"""Optimistic concurrency under real concurrent writers: one wins, the other is told."""

from __future__ import annotations

import asyncio
from datetime import date

from graph_service.errors import BadInput, StaleVersion
from graph_service.services import households, memberships
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household, get_person
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import make_household, make_person


async def test_two_edits_from_the_same_version_let_exactly_one_through(
    ctx: UseCaseContext,
) -> None:
    household = await make_household(ctx)

    async def rename(name: str) -> str:
        try:
            await submit(
                households.edit_household,
                ctx,
                {"householdId": household.id, "expectedVersion": 1, "name": name},
            )
        except StaleVersion:
            return "stale"
        return "ok"

    outcomes = await asyncio.gather(*(rename(f"Name {n}") for n in range(5)))

    assert sorted(outcomes) == ["ok", "stale", "stale", "stale", "stale"]
    assert (await get_household(ctx, household.id)).household.version == 2


async def test_writes_record_who_and_when(ctx: UseCaseContext) -> None:
    household = await make_household(ctx)

    edited = await submit(
        households.edit_household,
        ctx,
        {"householdId": household.id, "expectedVersion": 1, "name": "Renamed"},
    )

    assert (edited.created_by, edited.updated_by) == ("staff-1", "staff-1")
    assert edited.updated_at == ctx.clock.now()


async def test_racing_primary_memberships_for_one_person_let_exactly_one_through(
    ctx: UseCaseContext,
) -> None:
    ann = await make_person(ctx)
    homes = [await make_household(ctx, f"Home {n}") for n in range(4)]

    async def join(household_id: str) -> str:
        try:
            await submit(
                memberships.add_member,
                ctx,
                {
                    "householdId": household_id,
                    "expectedVersion": 1,
                    "personId": ann.id,
                    "startDate": date(2026, 5, 1),
                },
            )
        except BadInput:
            return "refused"
        return "ok"

    outcomes = await asyncio.gather(*(join(home.id) for home in homes))

    assert sorted(outcomes) == ["ok", "refused", "refused", "refused"]
    assert len((await get_person(ctx, ann.id, as_of=date(2026, 5, 1))).memberships) == 1
