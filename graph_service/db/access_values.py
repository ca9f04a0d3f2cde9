"""Turning driver values into plain Python and models into graph properties, for the access
data functions. Instants are stored in UTC; calendar dates stay dates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, LiteralString

from neo4j import AsyncManagedTransaction
from neo4j.time import Date, DateTime


def native(value: Any) -> Any:
    """Driver temporal values as Python ones, through maps and lists."""
    if isinstance(value, Date | DateTime):
        return value.to_native()
    if isinstance(value, dict):
        return {key: native(item) for key, item in value.items()}
    if isinstance(value, list):
        return [native(item) for item in value]
    return value


def stored(value: Any) -> Any:
    """A value ready for the graph: aware datetimes in UTC (one zone in storage), enums as
    their text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    if isinstance(value, date):
        return value
    if isinstance(value, list):
        return [stored(item) for item in value]
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


async def rows(
    tx: AsyncManagedTransaction, statement: LiteralString, **params: Any
) -> list[dict[str, Any]]:
    """Every row of `statement`, consumed inside the transaction, as plain dicts."""
    result = await tx.run(statement, params)
    return [native(row) for row in await result.data()]
