"""A staff member's access timeline: each grant and its transitions, with why (read only)."""

from __future__ import annotations

from neo4j import AsyncManagedTransaction

from graph_service.access.engine import evaluate
from graph_service.access.history import AccessHistory, build_history
from graph_service.db import access as db
from graph_service.db.access_history import grant_history
from graph_service.errors import NotFound
from graph_service.services.runtime import Runtime


async def get_access_history(runtime: Runtime, employee_id: str) -> AccessHistory:
    """Every grant of `employee_id` with its recorded transitions, plus any the engine finds
    due now that no sweep has recorded yet (so the timeline agrees with the status)."""
    now = runtime.now()

    async def work(tx: AsyncManagedTransaction) -> AccessHistory | None:
        found = await grant_history(tx, employee_id=employee_id)
        facts = await db.load_facts(tx, employee_id=employee_id)
        if found is None or facts is None:
            return None
        name, grants = found
        due = evaluate(facts, runtime.policy, now, activate=False)
        return build_history(employee_id, name, grants, due, runtime.policy, now)

    history = await runtime.read(work)
    if history is None:
        raise NotFound("Staff member", employee_id)
    return history
