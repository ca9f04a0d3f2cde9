"""Reading one staff member's access status, now or at a past instant (a read transaction;
nothing is written)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from neo4j import AsyncManagedTransaction

from graph_service.access.facts import StaffFacts
from graph_service.access.point_in_time import before_first_record, facts_at
from graph_service.access.status import AccessStatus, build_status
from graph_service.db import access as db
from graph_service.db.access_history import KeptState, state_at
from graph_service.errors import BadInput, NotFound
from graph_service.services.runtime import Runtime

T = TypeVar("T")


async def get_access_status(
    runtime: Runtime, employee_id: str, *, as_of: datetime | None = None
) -> AccessStatus:
    """The access status of `employee_id` at the runtime clock's instant or, for an earlier
    `as_of`, as it stood then (from the history kept, so later events do not change it)."""
    now = runtime.now()
    at = (as_of or now).astimezone(runtime.policy.zone)
    if at >= now:
        facts = await _read(runtime, lambda tx: db.load_facts(tx, employee_id=employee_id))
    else:
        kept = await _read(runtime, lambda tx: state_at(tx, employee_id=employee_id, at=at))
        facts = _facts_then(kept, employee_id, at) if kept is not None else None
    if facts is None:
        raise NotFound("Staff member", employee_id)
    return build_status(facts, runtime.policy, at)


async def facts_as_of(runtime: Runtime, employee_id: str, at: datetime) -> StaffFacts | None:
    """The facts of `employee_id` as they stood at `at` (None: unknown staff member)."""
    kept = await _read(runtime, lambda tx: state_at(tx, employee_id=employee_id, at=at))
    return _facts_then(kept, employee_id, at) if kept is not None else None


def _facts_then(kept: KeptState, employee_id: str, at: datetime) -> StaffFacts:
    if kept.facts is not None:
        return facts_at(kept.facts, at)
    if kept.known_since is None or at < kept.known_since:
        return before_first_record(kept.employee_id, kept.name)
    # Recorded before the service kept history: nothing true can be said about that instant.
    first = f" (it begins {kept.history_from.isoformat()})" if kept.history_from else ""
    raise BadInput(
        "asOf",
        f"no access history is kept for {employee_id} at {at.isoformat()}{first}; "
        "ask about a later instant",
    )


async def _read(runtime: Runtime, step: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
    return await runtime.read(step)
