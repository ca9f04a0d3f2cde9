"""Idempotency keys of writes: claimed and settled inside the write's own transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import fetch_all, read_all


@dataclass(frozen=True)
class RecordedWrite:
    fingerprint: str
    outcome_id: str | None


async def find_write(
    driver: AsyncDriver, *, key: str, expired_before: datetime, database: str
) -> RecordedWrite | None:
    rows = await read_all(
        driver,
        cypher("idempotency/find_write"),
        database=database,
        key=key,
        expiredBefore=expired_before,
    )
    return RecordedWrite(rows[0]["fingerprint"], rows[0]["outcomeId"]) if rows else None


async def claim_write(
    tx: AsyncManagedTransaction,
    *,
    key: str,
    fingerprint: str,
    operation: str,
    actor: str,
    now: datetime,
    expired_before: datetime,
) -> None:
    await fetch_all(
        tx,
        cypher("idempotency/claim_write"),
        key=key,
        fingerprint=fingerprint,
        operation=operation,
        actor=actor,
        now=now,
        expiredBefore=expired_before,
    )


async def settle_write(tx: AsyncManagedTransaction, *, key: str, outcome_id: str | None) -> None:
    await fetch_all(tx, cypher("idempotency/settle_write"), key=key, outcomeId=outcome_id)
