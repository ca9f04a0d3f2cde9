"""Optimistic concurrency under real concurrent writers: one wins, the other is told."""

from __future__ import annotations

import asyncio

from graph_service.errors import StaleVersion
from graph_service.services import households
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household
from tests.integration.household.conftest import make_household


async def test_two_edits_from_the_same_version_let_exactly_one_through(
    ctx: UseCaseContext,
) -> None:
    household = await make_household(ctx)

    async def rename(name: str) -> str:
        try:
            await households.edit_household(
                ctx, {"householdId": household.id, "expectedVersion": 1, "name": name}
            )
        except StaleVersion:
            return "stale"
        return "ok"

    outcomes = await asyncio.gather(*(rename(f"Name {n}") for n in range(5)))

    assert sorted(outcomes) == ["ok", "stale", "stale", "stale", "stale"]
    assert (await get_household(ctx, household.id)).household.version == 2


async def test_writes_record_who_and_when(ctx: UseCaseContext) -> None:
    household = await make_household(ctx)

    edited = await households.edit_household(
        ctx, {"householdId": household.id, "expectedVersion": 1, "name": "Renamed"}
    )

    assert (edited.created_by, edited.updated_by) == ("staff-1", "staff-1")
    assert edited.updated_at == ctx.clock.now()
