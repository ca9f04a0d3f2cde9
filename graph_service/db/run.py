"""Running named Cypher inside a transaction and turning results into plain Python values."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, LiteralString, Protocol

from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncManagedTransaction,
    AsyncSession,
    Query,
    Record,
)
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.time import Date, DateTime

from graph_service.db.bookmarks import causal_chain
from graph_service.db.cypher import explained
from graph_service.db.metered import observed
from graph_service.db.read_limit import (
    TIMED_OUT,
    needs_planning,
    read_limit,
    stopped_when_too_long,
    stopped_while_planned,
    was_planned,
)


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


async def read_rows(
    driver: AsyncDriver, statement: LiteralString, params: dict[str, Any], /, *, database: str
) -> list[Record]:
    """Every record of the read `statement` in one auto-committed transaction: RUN and PULL
    go out together and the answer is one exchange with Neo4j. (`execute_query` runs a
    managed transaction: its COMMIT is a second exchange, and each costs the server a
    transaction's set-up; measured on a household page, about 1 ms of Neo4j CPU and 0.7 ms
    of the driver's.) A read changes nothing, so one that fails in a way the driver calls
    retryable (a pooled connection the server dropped while it was away, a leader switch)
    is sent once more at once, as the managed transaction would have; a second failure is
    the answer, and the availability monitor turns an outage into SERVICE_UNAVAILABLE."""
    began = time.monotonic()
    try:
        return await _read_once(driver, statement, params, database=database)
    except (Neo4jError, DriverError) as error:
        # Only a quick failure is a stale connection; a slow one is an outage, answered now.
        if not error.is_retryable() or time.monotonic() - began > _STALE_WITHIN:
            raise
        try:
            # Bounded: against a server that is going away, a new connection would wait for
            # the driver's connection timeout (5 s) before failing.
            return await asyncio.wait_for(
                _read_once(driver, statement, params, database=database), _RETRY_WITHIN
            )
        except TimeoutError:
            raise error from None


_STALE_WITHIN = 0.5  # seconds: a pooled connection the server dropped fails at once
_RETRY_WITHIN = 1.0  # seconds: a fresh connection to a live server answers well within


async def _read_once(
    driver: AsyncDriver, statement: LiteralString, params: dict[str, Any], /, *, database: str
) -> list[Record]:
    # Outside `observed`: a read stopped at the limit is still an answer of the server.
    with stopped_when_too_long(driver):
        async with (
            observed("read"),
            driver.session(
                database=database,
                default_access_mode=READ_ACCESS,
                bookmark_manager=causal_chain(driver),
            ) as session,
        ):
            limit = read_limit(driver)
            if limit is None:
                return await _run(session, statement, params, None)
            explained = needs_planning(driver, statement)
            if explained:
                await _explain(session, statement, params)
                was_planned(driver, statement)
            try:
                return await _run(session, statement, params, limit)
            except Neo4jError as error:
                if error.code not in TIMED_OUT or explained:
                    raise
                # Perhaps Neo4j planned it again within the limit (db/read_limit.py).
                if not stopped_while_planned(limit, await _explain(session, statement, params)):
                    raise
                return await _run(session, statement, params, limit)


async def _explain(
    session: AsyncSession, statement: LiteralString, params: dict[str, Any]
) -> float:
    """Have Neo4j plan `statement` without the read limit; how long it took."""
    began = time.monotonic()
    await (await session.run(explained(statement), params)).consume()
    return time.monotonic() - began


async def _run(
    session: AsyncSession, statement: LiteralString, params: dict[str, Any], limit: float | None
) -> list[Record]:
    result = await session.run(Query(statement, timeout=limit), params)
    return [record async for record in result]


async def read_all(
    driver: AsyncDriver, statement: LiteralString, /, *, database: str, **params: Any
) -> list[dict[str, Any]]:
    """Every row of the read `statement`, in one auto-committed round trip."""
    records = await read_rows(driver, statement, params, database=database)
    return [native(record.data()) for record in records]


class ViewRows(Protocol):
    """Runs a read statement with parameters and returns its rows (db.steward_*): in the
    service, `services.steward_gate.DistrictView.read`, which adds the caller's gate."""

    async def __call__(
        self, statement: LiteralString, /, **params: Any
    ) -> list[dict[str, Any]]: ...
