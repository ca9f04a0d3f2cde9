"""Running named Cypher inside a transaction and turning results into plain Python values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction, RoutingControl
from neo4j.time import Date, DateTime

from graph_service.db.bookmarks import causal_chain


@dataclass(frozen=True)
class Stamp:
    """Who writes and when: every write statement sets createdBy/updatedBy and the times."""

    actor: str
    now: datetime

    def params(self) -> dict[str, Any]:
        # UTC for the driver: it mishandles zoneinfo-aware datetimes (see clock.FixedClock).
        return {"actor": self.actor, "now": self.now.astimezone(UTC)}


def native(value: Any) -> Any:
    """Driver values as Python ones (neo4j Date/DateTime become date/datetime), deeply."""
    if isinstance(value, Date | DateTime):
        return value.to_native()
    if isinstance(value, dict):
        return {key: native(item) for key, item in value.items()}
    if isinstance(value, list):
        return [native(item) for item in value]
    return value


async def fetch_all(
    tx: AsyncManagedTransaction, statement: LiteralString, /, **params: Any
) -> list[dict[str, Any]]:
    """Every row of `statement` (from `cypher(...)`), fully consumed, as plain dicts."""
    result = await tx.run(statement, params)
    return [native(row) for row in await result.data()]


async def fetch_one(
    tx: AsyncManagedTransaction, statement: LiteralString, /, **params: Any
) -> dict[str, Any] | None:
    """The first row of `statement` (the rest consumed), or None when there is none."""
    rows = await fetch_all(tx, statement, **params)
    return rows[0] if rows else None


async def read_all(
    driver: AsyncDriver, statement: LiteralString, /, *, database: str, **params: Any
) -> list[dict[str, Any]]:
    """Every row of the read `statement`, in one auto-committed round trip."""
    records, _, _ = await driver.execute_query(
        statement,
        params,
        database_=database,
        routing_=RoutingControl.READ,
        bookmark_manager_=causal_chain(driver),
    )
    return [native(record.data()) for record in records]
