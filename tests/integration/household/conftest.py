"""Fixtures and builders for the household graph tests: a pinned clock and small makers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import load_policy
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.domain.households import Household
from graph_service.domain.people import Person
from graph_service.services import households, people
from graph_service.services.context import UseCaseContext
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings
from graph_service.testing.use_cases import submit

TODAY = date(2026, 9, 1)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 9, 1, 15, 0, tzinfo=UTC))


@pytest.fixture
def ctx(db: AsyncDriver, settings: Settings, clock: FixedClock) -> UseCaseContext:
    runtime = Runtime(db, settings.neo4j_database, load_policy(), clock, settings=settings)
    return UseCaseContext(runtime, actor_id="staff-1")


def address(number: str = "12", street: str = "Main", **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "number": number,
        "street": street,
        "tag": "St",
        "city": "Springfield",
        "state": "MN",
        "zip": "55401",
    }
    return {**values, **overrides}


async def make_person(
    ctx: UseCaseContext, first: str = "Ann", last: str = "Lee", **overrides: Any
) -> Person:
    values: dict[str, Any] = {
        "firstName": first,
        "lastName": last,
        "birthDate": date(2015, 3, 4),
        "confirmNotDuplicate": True,
    }
    return await submit(people.create_person, ctx, {**values, **overrides})


async def make_household(
    ctx: UseCaseContext,
    name: str = "Lee household",
    *,
    members: Sequence[Person] = (),
    start: date = date(2026, 1, 1),
    **overrides: Any,
) -> Household:
    values: dict[str, Any] = {
        "name": name,
        "startDate": start,
        "members": [{"personId": p.id} for p in members],
    }
    return await submit(households.create_household, ctx, {**values, **overrides})


async def make_school(ctx: UseCaseContext, name: str = "Lincoln Elementary") -> str:
    school_id = str(uuid.uuid4())
    await ctx.driver.execute_query(
        cypher("testing/create_school"), id=school_id, name=name, database_=ctx.database
    )
    return school_id


async def graph_snapshot(ctx: UseCaseContext) -> dict[str, Any]:
    """Every node and edge with all properties, for "nothing changed" assertions."""
    records, _, _ = await ctx.driver.execute_query(
        cypher("testing/graph_snapshot"), database_=ctx.database
    )
    return records[0].data()
