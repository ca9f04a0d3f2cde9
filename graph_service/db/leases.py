"""Leases in the graph: work that one process of any number does at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from neo4j import AsyncDriver

from graph_service.db.bookmarks import causal_chain
from graph_service.db.cypher import cypher
from graph_service.db.run import native


@dataclass(frozen=True)
class LeaseState:
    """The answer to a request for a lease: whether it was granted, and who holds it now."""

    granted: bool
    holder: str | None
    acquired_at: datetime | None
    expires_at: datetime | None


async def acquire_lease(
    driver: AsyncDriver,
    *,
    database: str,
    name: str,
    holder: str,
    seconds: float,
    every_seconds: float | None = None,
) -> LeaseState:
    """Take the lease `name` for `seconds` when it is free. With `every_seconds`, only when
    that long has passed since the last holder took it this way (work once per period)."""
    records, _, _ = await driver.execute_query(
        cypher("leases/acquire_lease"),
        name=name,
        holder=holder,
        seconds=seconds,
        everySeconds=every_seconds,
        database_=database,
        bookmark_manager_=causal_chain(driver),
    )
    row = native(records[0].data())
    return LeaseState(row["granted"], row["holder"], row["acquiredAt"], row["expiresAt"])


async def release_lease(driver: AsyncDriver, *, database: str, name: str, holder: str) -> None:
    """Give the lease back early (a holder that is no longer the holder changes nothing)."""
    await driver.execute_query(
        cypher("leases/release_lease"),
        name=name,
        holder=holder,
        database_=database,
        bookmark_manager_=causal_chain(driver),
    )
