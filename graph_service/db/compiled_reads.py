"""Running a compiled read (db/read_compiler.py): one statement, one round trip, one row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncDriver, RoutingControl

from graph_service.access.facts import Grant
from graph_service.db.access import grant_from_row


@dataclass(frozen=True)
class CompiledRow:
    """The caller's employment and active grant as the statement read them, and the rest of
    its one row as the projection built it (strings, numbers, lists and maps only: temporal
    values are formatted in Cypher, so the driver decodes nothing else)."""

    employed: bool
    grant: Grant | None
    data: dict[str, Any]


async def run_compiled_read(
    driver: AsyncDriver, statement: LiteralString, *, database: str, **params: Any
) -> CompiledRow:
    records, _, _ = await driver.execute_query(
        statement, params, database_=database, routing_=RoutingControl.READ
    )
    data = records[0].data()
    grant_row = data.pop("grant")
    grant = grant_from_row(grant_row) if grant_row else None
    employed = data.pop("employmentStatus") == "active"
    return CompiledRow(employed=employed, grant=grant, data=data)
