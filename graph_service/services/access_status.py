"""Reading one staff member's access status (a read transaction; nothing is written)."""

from __future__ import annotations

from neo4j import AsyncManagedTransaction

from graph_service.access.facts import StaffFacts
from graph_service.access.status import AccessStatus, build_status
from graph_service.db import access as db
from graph_service.db.bookmarks import causal_chain
from graph_service.errors import NotFound
from graph_service.services.access_runtime import AccessRuntime


async def get_access_status(runtime: AccessRuntime, employee_id: str) -> AccessStatus:
    """The access status of `employee_id` at the runtime clock's instant."""

    async def work(tx: AsyncManagedTransaction) -> StaffFacts | None:
        return await db.load_facts(tx, employee_id=employee_id)

    async with runtime.driver.session(
        database=runtime.database, bookmark_manager=causal_chain(runtime.driver)
    ) as session:
        facts = await session.execute_read(work)
    if facts is None:
        raise NotFound("Staff member", employee_id)
    return build_status(facts, runtime.policy, runtime.now().astimezone(runtime.policy.zone))
