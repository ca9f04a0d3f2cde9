"""Reading back what the access use cases wrote, for assertions."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncManagedTransaction

from graph_service.access.facts import Grant
from graph_service.db import access as db
from graph_service.db import audit
from graph_service.db.cypher import cypher
from graph_service.services.runtime import Runtime


async def latest_grant(runtime: Runtime, employee_id: str) -> Grant | None:
    async def work(tx: AsyncManagedTransaction) -> Grant | None:
        facts = await db.load_facts(tx, employee_id=employee_id)
        return facts.grant if facts else None

    async with runtime.driver.session(database=runtime.database) as session:
        return await session.execute_read(work)


async def count_nodes(runtime: Runtime) -> dict[str, int]:
    records, _, _ = await runtime.driver.execute_query(
        cypher("access/count_access_graph"), database_=runtime.database
    )
    return {record["label"]: record["count"] for record in records}


async def audit_entries(runtime: Runtime, employee_id: str | None = None) -> list[dict[str, Any]]:
    return await audit.list_entries(
        runtime.driver, database=runtime.database, employee_id=employee_id
    )
