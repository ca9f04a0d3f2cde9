"""Transaction steps of access history: keeping each staff member's facts after every change,
and reading them (and their grants' transitions) back for a past instant."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from neo4j import AsyncManagedTransaction

from graph_service.access.facts import StaffFacts
from graph_service.db.access_values import stored
from graph_service.db.cypher import cypher
from graph_service.db.run import fetch_all, fetch_one


async def keep_state(tx: AsyncManagedTransaction, *, facts: StaffFacts, now: datetime) -> None:
    """Append `facts` (as they stand after this transaction's change) to the history."""
    await fetch_all(
        tx,
        cypher("access/record_access_state"),
        employeeId=facts.employee_id,
        id=str(uuid.uuid4()),
        facts=facts.model_dump_json(),
        now=stored(now),
    )


@dataclass(frozen=True)
class KeptState:
    """What the history holds for one staff member at one instant."""

    employee_id: str
    name: str
    facts: StaffFacts | None  # None: nothing was recorded yet at that instant
    history_from: datetime | None  # the first state kept; None when none is yet
    known_since: datetime | None  # when the service first recorded the staff member


async def state_at(
    tx: AsyncManagedTransaction, *, employee_id: str, at: datetime
) -> KeptState | None:
    """The latest state recorded at or before `at` (None when the staff member is unknown)."""
    row = await fetch_one(
        tx, cypher("access/access_state_at"), employeeId=employee_id, at=stored(at)
    )
    if row is None:
        return None
    facts = StaffFacts.model_validate_json(row["facts"]) if row["facts"] else None
    return KeptState(row["employeeId"], row["name"], facts, row["historyFrom"], row["knownSince"])


async def grant_history(
    tx: AsyncManagedTransaction, *, employee_id: str
) -> tuple[str, list[dict[str, Any]]] | None:
    """The staff member's name and their grants, each with its recorded transitions."""
    row = await fetch_one(tx, cypher("access/grant_history"), employeeId=employee_id)
    if row is None:
        return None
    return str(row["name"]), list(row["grants"])
