"""Each read is one Cypher round trip, however much the household or person holds."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from datetime import date

import pytest

from graph_service.services import household_reads, relationships
from graph_service.services.context import UseCaseContext
from graph_service.testing.round_trips import CountingDriver
from graph_service.testing.use_cases import submit
from tests.compiled_reads import DISTRICT_READER, district_reader, reader, search
from tests.integration.household.conftest import address, make_household, make_person


async def _populated(ctx: UseCaseContext) -> tuple[str, str]:
    kids = [await make_person(ctx, f"Kid{n}") for n in range(4)]
    mom = await make_person(ctx, "Mom", birthDate=date(1980, 1, 1))
    household = await make_household(
        ctx, members=[mom, *kids], address={"address": address()}, phone={"number": "6125550142"}
    )
    for kid in kids:
        await submit(
            relationships.set_relationship,
            ctx,
            {"personId": mom.id, "relatedPersonId": kid.id, "type": "Mother",
             "guardian": True, "emergencyPriority": 1, "startDate": date(2026, 1, 1)},
        )  # fmt: skip
    return household.id, kids[0].id


@pytest.mark.parametrize(
    "read",
    [
        "household",
        "person",
        "history",
        "search households by name",
        "search people by name",
    ],
)
async def test_each_read_is_one_round_trip(ctx: UseCaseContext, read: str) -> None:
    household_id, person_id = await _populated(ctx)
    await district_reader(ctx)  # the compiled searches read as a district-wide caller
    counting = CountingDriver(ctx.driver)
    runtime = dataclasses.replace(ctx.runtime, driver=counting)  # type: ignore[arg-type]  # a stand-in
    counted = dataclasses.replace(ctx, runtime=runtime)
    reading = reader(counting, ctx.database, ctx.clock, DISTRICT_READER)  # type: ignore[arg-type]
    reads: dict[str, Callable[[], Awaitable[object]]] = {
        "household": lambda: household_reads.get_household(counted, household_id),
        "person": lambda: household_reads.get_person(counted, person_id),
        "history": lambda: household_reads.get_household_history(counted, household_id),
        "search households by name": lambda: search(reading, "name_prefix", "lee"),
        "search people by name": lambda: search(reading, "last_name", "lee"),
    }

    result = await reads[read]()

    assert result is not None
    assert counting.queries == 1
