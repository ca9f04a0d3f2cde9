"""How many grants are in each status (the metrics' grants gauge)."""

from __future__ import annotations

from neo4j import AsyncDriver

from graph_service.access.facts import GrantStatus
from graph_service.db.cypher import cypher
from graph_service.db.run import read_all


async def count_grants_by_status(driver: AsyncDriver, *, database: str) -> dict[str, int]:
    """{status: grants} for every status, zero included, in one round trip."""
    rows = await read_all(
        driver,
        cypher("access/count_grants_by_status"),
        database=database,
        statuses=[status.value for status in GrantStatus],
    )
    return {row["status"]: row["grants"] for row in rows}
