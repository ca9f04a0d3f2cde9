"""The availability guard's bound (issue 14): a request waiting on a database that answers
nothing is released within RELEASE_AFTER_SECONDS; a slow one on a database that answers
pings runs to its end."""

from __future__ import annotations

import asyncio
import contextlib
import time

import pytest
from neo4j import AsyncDriver, AsyncGraphDatabase

from graph_service.db.availability import (
    RELEASE_AFTER_SECONDS,
    Availability,
    Unavailable,
    WriteInFlight,
)
from graph_service.db.cypher import cypher
from graph_service.settings import Settings


async def test_a_slow_request_on_a_database_that_answers_is_not_released(
    migrated_driver: AsyncDriver, settings: Settings
) -> None:
    availability = Availability(migrated_driver, settings.neo4j_database)
    availability.start()

    async def slow_read() -> int:
        await asyncio.sleep(RELEASE_AFTER_SECONDS + 1.0)  # a heavy report's wait, say
        records, _, _ = await migrated_driver.execute_query(
            cypher("meta/ping"), database_=settings.neo4j_database
        )
        answer: int = records[0]["ok"]
        return answer

    try:
        assert await availability.guard(slow_read, WriteInFlight()) == 1
        assert availability.up
    finally:
        await availability.close()


# The driver's sockets to the silent server are left to the collector by the released request.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
# With slack (the test suite's knob for a loaded machine) the bound moves by exactly that much.
@pytest.mark.parametrize("slack", [0.0, 0.5])
async def test_a_request_on_a_server_that_answers_nothing_is_released_in_time(
    slack: float,
) -> None:
    # Accepts connections and never answers: what a Neo4j shutting down looked like to its
    # open connections, and what a frozen one looks like.
    accepted: list[asyncio.StreamWriter] = []
    silent = await asyncio.start_server(
        lambda reader, writer: accepted.append(writer), "127.0.0.1", 0
    )
    port = silent.sockets[0].getsockname()[1]
    driver = AsyncGraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", "unused"))
    availability = Availability(driver, "neo4j", slack=slack)
    availability.start()

    async def read() -> object:
        return await driver.execute_query(cypher("meta/ping"))

    began = time.monotonic()
    try:
        with pytest.raises(Unavailable) as released:
            await availability.guard(read, WriteInFlight())
        waited = time.monotonic() - began
        assert RELEASE_AFTER_SECONDS + slack <= waited < RELEASE_AFTER_SECONDS + slack + 0.4
        assert not released.value.wrote  # nothing was committing: "nothing was changed"
    finally:
        await availability.close()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(2):
                await driver.close()
        for writer in accepted:
            writer.close()
        silent.close()
        await silent.wait_closed()
