"""Fixtures shared by every test: one real Neo4j per run, cleaned between tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.settings import Settings
from graph_service.testing.database import TestDatabase, provide_test_database


@pytest.fixture(scope="session")
def test_database() -> Iterator[TestDatabase]:
    """The run's Neo4j: NEO4J_URI, else testcontainers, else the managed local server."""
    with provide_test_database() as database:
        yield database


# On a machine this loaded (2 cores, several sessions), Neo4j's ping took over the 1 s the
# availability monitor allows, and requests of tests that are not about outages were refused
# as SERVICE_UNAVAILABLE. The outage tests build their own settings without this slack.
SLACK_SECONDS = 5.0


@pytest.fixture(scope="session")
def settings(test_database: TestDatabase) -> Settings:
    return test_database.settings(neo4j_slack_seconds=SLACK_SECONDS)


@pytest.fixture(scope="session")
async def migrated_driver(settings: Settings) -> AsyncIterator[AsyncDriver]:
    async with create_driver(settings) as driver:
        await migrate(driver, database=settings.neo4j_database)
        yield driver


class Wipes:
    """How many times this run emptied the database, so that data built once for many tests
    (the API world) knows when a test in between has wiped it and must be rebuilt."""

    def __init__(self) -> None:
        self.count = 0


@pytest.fixture(scope="session")
def wipes() -> Wipes:
    return Wipes()


@pytest.fixture
async def db(
    migrated_driver: AsyncDriver, settings: Settings, wipes: Wipes
) -> AsyncIterator[AsyncDriver]:
    """A migrated database holding no data but the migration records. Afterwards, whatever
    the test wrote must have left every household's school listings current (the per-school
    name index a clerk's search reads): a write path that forgets them fails here."""
    await migrated_driver.execute_query(
        cypher("testing/wipe_data"), database_=settings.neo4j_database
    )
    wipes.count += 1
    yield migrated_driver
    stale, _, _ = await migrated_driver.execute_query(
        cypher("testing/stale_school_listings"), database_=settings.neo4j_database
    )
    assert not stale, f"school listings out of date: {[record.data() for record in stale]}"
