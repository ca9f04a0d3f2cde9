"""The floor: the same reads as raw parameterized Cypher through the driver, with no GraphQL,
no authorization and no HTTP, at the same concurrency as the load."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from datetime import date

from neo4j import AsyncDriver, AsyncManagedTransaction

from bench.stats import Summary, summarize
from graph_service.db import access as access_db
from graph_service.db import search as search_db
from graph_service.db import steward_network
from graph_service.db.batch_reads import get_household_views, get_person_graphs

Read = Callable[[random.Random], Awaitable[object]]


async def measure(read: Read, *, clients: int, seconds: float) -> Summary:
    latencies: list[float] = []

    async def client(seed: int, until: float) -> None:
        rng = random.Random(seed)
        while time.monotonic() < until:
            started = time.perf_counter()
            await read(rng)
            latencies.append(time.perf_counter() - started)

    started = time.monotonic()
    await asyncio.gather(*(client(seed, started + seconds) for seed in range(clients)))
    return summarize(latencies, time.monotonic() - started)


def floor_reads(
    driver: AsyncDriver,
    database: str,
    *,
    household_ids: list[str],
    person_ids: list[str],
    name_prefixes: list[str],
    street_prefixes: list[str],
    employee_id: str,
    today: date,
) -> dict[str, Read]:
    """For each read of the mix, the Cypher the service runs for its data, nothing else."""

    async def household_page(rng: random.Random) -> object:
        views = await get_household_views(
            driver, household_ids=[rng.choice(household_ids)], as_of=today, database=database
        )
        members = [m.person.id for view in views.values() for m in view.members]
        return await get_person_graphs(driver, person_ids=members, as_of=today, database=database)

    async def person_page(rng: random.Random) -> object:
        return await get_person_graphs(
            driver, person_ids=[rng.choice(person_ids)], as_of=today, database=database
        )

    async def by_name(rng: random.Random) -> object:
        return await search_db.search_households_by_name(
            driver, database=database, limit=20, after=None, prefix=rng.choice(name_prefixes)
        )

    async def by_address(rng: random.Random) -> object:
        return await search_db.search_households_by_address(
            driver, database=database, limit=20, after=None,
            street_prefix=rng.choice(street_prefixes),
        )  # fmt: skip

    async def my_access(rng: random.Random) -> object:
        async def work(tx: AsyncManagedTransaction) -> object:
            return await access_db.load_facts(tx, employee_id=employee_id)

        async with driver.session(database=database) as session:
            return await session.execute_read(work)

    async def network(rng: random.Random) -> object:
        return await steward_network.network(
            driver, center_id=rng.choice(person_ids), depth=2, limit=200, as_of=today,
            database=database,
        )  # fmt: skip

    return {
        "household page": household_page,
        "person page": person_page,
        "search by name": by_name,
        "search by address": by_address,
        "myAccess": my_access,
        "network depth 2": network,
    }
