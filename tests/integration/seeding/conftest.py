"""A small demo district loaded once per test that asks for it, with the clock at its anchor."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import Policy, load_policy
from graph_service.clock import FixedClock
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.services.context import UseCaseContext
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings

# Inside a recertification window (April 1 - June 30), so every access state shows at once.
ANCHOR = datetime(2027, 6, 8, 15, 0, tzinfo=UTC)
SMALL = 40


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(ANCHOR)


@pytest.fixture
def policy() -> Policy:
    return load_policy(None)


@pytest.fixture
async def demo(db: AsyncDriver, settings: Settings, clock: FixedClock) -> DemoSummary:
    return await load_demo_district(
        db, settings.neo4j_database, households=SMALL, seed=11, clock=clock
    )


@pytest.fixture
def ctx(db: AsyncDriver, settings: Settings, clock: FixedClock, policy: Policy) -> UseCaseContext:
    runtime = Runtime(db, settings.neo4j_database, policy, clock, settings=settings)
    return UseCaseContext(runtime, actor_id="tester")


@pytest.fixture
def runtime(db: AsyncDriver, settings: Settings, clock: FixedClock, policy: Policy) -> Runtime:
    return Runtime(db, settings.neo4j_database, policy, clock, settings=settings)
