"""A pytest plugin for other teams' integration tests (installed with the package).

Fixtures, all session-scoped and all real:
- `household_graph_database`: a migrated Neo4j (NEO4J_URI, else a testcontainers Neo4j when
  Docker answers, else the managed local server), as a `TestDatabase`;
- `household_graph_district`: the demo district loaded into it (`--household-graph-households`,
  `--household-graph-seed`), as its `DemoSummary`;
- `household_graph_url`: the API serving that district, its clock pinned where the district
  was built so every demo staff member stays in their access state;
- `household_graph_token`: `token("active")` gives a bearer token for the demo staff member
  in that access state (see `household_graph_district.staff_by_state` for the states).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import pytest

from graph_service.access.settings import AccessSettings
from graph_service.auth.principal import PlatformRole
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.demo import DEMO_INSTANT
from graph_service.localdb.config import ServerLayout
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.testing.database import TestDatabase, provide_test_database
from graph_service.testing.prebuilt_demo import HOUSEHOLDS, Demo, install, preloaded_summary
from graph_service.testing.service import running_service

TokenFactory = Callable[..., str]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("household-graph", "household graph service fixtures")
    group.addoption(
        "--household-graph-households",
        type=int,
        default=HOUSEHOLDS,
        help=f"households in the demo district the fixtures load (default {HOUSEHOLDS}, "
        "which a fresh managed server gets prebuilt)",
    )
    group.addoption("--household-graph-seed", type=int, default=1, help="the demo district's seed")


def _demo(config: pytest.Config) -> Demo:
    # One fixed instant: reloading the same database changes nothing.
    households: int = config.getoption("--household-graph-households")
    seed: int = config.getoption("--household-graph-seed")
    return Demo(households, seed, DEMO_INSTANT)


_PRELOADED = pytest.StashKey[Demo]()  # the district a prebuilt store put in the server


@pytest.fixture(scope="session")
def household_graph_database(pytestconfig: pytest.Config) -> Iterator[TestDatabase]:
    demo = _demo(pytestconfig)

    def prebuilt(layout: ServerLayout) -> None:
        # A fresh managed server gets the demo district as a prebuilt store (when it is the
        # one asked for): no load, no migrations but those added since it was built.
        if install(layout, demo, AccessSettings().policy()):
            pytestconfig.stash[_PRELOADED] = demo

    with provide_test_database(quick_start=True, before_start=prebuilt) as database:

        async def prepare() -> None:
            async with create_driver(database.settings()) as driver:
                await migrate(driver, database=database.database)

        asyncio.run(prepare())
        yield database


@pytest.fixture(scope="session")
def household_graph_district(
    household_graph_database: TestDatabase, pytestconfig: pytest.Config
) -> DemoSummary:
    demo = _demo(pytestconfig)
    households, seed, anchor = demo.households, demo.seed, demo.anchor

    async def load() -> DemoSummary:
        settings = household_graph_database.settings()
        async with create_driver(settings) as driver:
            if pytestconfig.stash.get(_PRELOADED, None) == demo:
                return await preloaded_summary(driver, household_graph_database.database, demo)
            return await load_demo_district(
                driver,
                household_graph_database.database,
                households=households,
                seed=seed,
                clock=FixedClock(anchor),
            )

    return asyncio.run(load())


@pytest.fixture(scope="session")
def household_graph_url(
    household_graph_database: TestDatabase, household_graph_district: DemoSummary
) -> Iterator[str]:
    clock = FixedClock(household_graph_district.anchor)
    with running_service(household_graph_database.settings(), clock=clock) as url:
        yield url


@pytest.fixture(scope="session")
def household_graph_token(
    household_graph_database: TestDatabase, household_graph_district: DemoSummary
) -> TokenFactory:
    settings = household_graph_database.settings()

    def token(state: str = "active", *roles: PlatformRole) -> str:
        employee = household_graph_district.staff_by_state.get(state, state)
        return mint_development_token(settings, employee, roles=list(roles))

    return token
