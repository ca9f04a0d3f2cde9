"""The floor: for each read of the mix, the best single Cypher statement we can write that
returns the same data (cypher/bench/floor_*.cypher), with no GraphQL, no authorization and
no HTTP, sent through the driver at the same concurrency as the load. `myAccess` and the
network view keep the service's own reads as their floor (they were never compiled)."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from datetime import date
from functools import partial
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction, RoutingControl

from bench.cpu import CpuMeter
from bench.stats import Summary, summarize
from graph_service.db import access as access_db
from graph_service.db import steward_network
from graph_service.db.cypher import cypher
from graph_service.db.run import read_all
from graph_service.domain.addresses import search_prefix
from graph_service.domain.people import name_key
from graph_service.domain.relationship_types import default_catalogue

Read = Callable[[random.Random], Awaitable[object]]


async def measure(
    read: Read, *, clients: int, seconds: float, meter: CpuMeter | None = None
) -> tuple[Summary, dict[str, float]]:
    """Latencies of `read` under `clients` concurrent callers, and CPU ms per request."""
    latencies: list[float] = []

    async def client(seed: int, until: float) -> None:
        rng = random.Random(seed)
        while time.monotonic() < until:
            started = time.perf_counter()
            await read(rng)
            latencies.append(time.perf_counter() - started)

    started = time.monotonic()
    before = meter.read() if meter else {}
    await asyncio.gather(*(client(seed, started + seconds) for seed in range(clients)))
    cpu = meter.per_request(before, len(latencies)) if meter else {}
    return summarize(latencies, time.monotonic() - started), cpu


def floor_reads(
    driver: AsyncDriver,
    database: str,
    *,
    household_ids: list[str],
    person_ids: list[str],
    name_prefixes: list[str],
    street_prefixes: list[str],
    page_prefixes: list[str],
    employee_id: str,
    today: date,
) -> dict[str, Read]:
    """For each read of the mix, its floor."""
    reciprocals = default_catalogue().reciprocals

    async def one(statement: LiteralString, **params: Any) -> object:
        records, _, _ = await driver.execute_query(
            statement, params, database_=database, routing_=RoutingControl.READ
        )
        return [record.data() for record in records]

    async def household_page(rng: random.Random) -> object:
        household = rng.choice(household_ids)
        return await one(cypher("bench/floor_household_page"), id=household, asOf=today,
                         reciprocals=reciprocals)  # fmt: skip

    async def person_page(rng: random.Random) -> object:
        person = rng.choice(person_ids)
        return await one(cypher("bench/floor_person_page"), id=person, asOf=today,
                         reciprocals=reciprocals)  # fmt: skip

    async def search_page(rng: random.Random) -> object:
        prefix = name_key(rng.choice(page_prefixes))
        return await one(cypher("bench/floor_search_page"), prefix=prefix, limit=21, asOf=today)

    async def by_name(rng: random.Random) -> object:
        prefix = name_key(rng.choice(name_prefixes))
        return await one(cypher("bench/floor_search_by_name"), prefix=prefix, limit=21)

    async def by_address(rng: random.Random) -> object:
        prefix = search_prefix(rng.choice(street_prefixes))
        return await one(cypher("bench/floor_search_by_address"), prefix=prefix,
                         streetName=f" {prefix}", limit=21)  # fmt: skip

    async def my_access(rng: random.Random) -> object:
        async def work(tx: AsyncManagedTransaction) -> object:
            return await access_db.load_facts(tx, employee_id=employee_id)

        async with driver.session(database=database) as session:
            return await session.execute_read(work)

    async def network(rng: random.Random) -> object:
        # The view's own statement without the caller's gate: the floor has no authorization.
        ungated = partial(read_all, driver, database=database)
        return await steward_network.network(
            ungated, center_id=rng.choice(person_ids), depth=2, limit=200, as_of=today,
        )  # fmt: skip

    return {
        "household page": household_page,
        "person page": person_page,
        "search page": search_page,
        "search by name": by_name,
        "search by address": by_address,
        "myAccess": my_access,
        "network depth 2": network,
    }
