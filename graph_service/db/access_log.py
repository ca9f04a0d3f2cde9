"""Reading the audit entries that make up a household's or a person's access record."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from neo4j import AsyncDriver

from graph_service.db.access_values import stored
from graph_service.db.cypher import cypher
from graph_service.db.run import read_all


async def subject_ids(
    driver: AsyncDriver, *, kind: Literal["Household", "Person"], id: str, database: str
) -> list[str] | None:
    """The ids whose entries make up the record of `id` (None: no such household or person)."""
    rows = await read_all(
        driver, cypher("audit/access_log_subjects"), database=database, kind=kind, id=id
    )
    return list(rows[0]["subjectIds"]) if rows else None


async def entries_naming(
    driver: AsyncDriver,
    *,
    subject_ids: list[str],
    start: datetime,
    end: datetime,
    after: tuple[datetime, str] | None,
    limit: int,
    database: str,
) -> list[dict[str, Any]]:
    """Audit entries naming any of `subject_ids` in [start, end), oldest first, after `after`."""
    rows = await read_all(
        driver,
        cypher("audit/access_log_entries"),
        database=database,
        subjectIds=subject_ids,
        **{"from": stored(start)},
        to=stored(end),
        afterAt=stored(after[0]) if after else None,
        afterId=after[1] if after else None,
        limit=limit,
    )
    return [row["entry"] for row in rows]
