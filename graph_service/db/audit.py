"""The append-only audit trail: events received, grant transitions and access decisions.

Entries are only ever created. Callers pass plain facts (ids, rights, reasons); nothing here
accepts a token or a credential, and `audit_entry` refuses keys that would hold one.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import lru_cache
from typing import Any

from neo4j import AsyncDriver, AsyncManagedTransaction, RoutingControl

from graph_service.access.facts import Transition
from graph_service.db.access_values import instant_text, stored
from graph_service.db.bookmarks import causal_chain
from graph_service.db.cypher import cypher
from graph_service.db.run import fetch_all, native

_SECRET_WORDS = ("token", "secret", "password", "authorization", "jwt")


# Keys are the callers' keyword names, a fixed set; every read's audit checks them.
@lru_cache(maxsize=256)
def _names_a_secret(key: str) -> bool:
    return any(word in key.lower() for word in _SECRET_WORDS)


def audit_entry(kind: str, *, at: datetime, actor: str, **details: Any) -> dict[str, Any]:
    """One audit entry's properties; None values are left out."""
    for key in details:
        if _names_a_secret(key):
            raise ValueError(f'audit entries never hold credentials (field "{key}")')
    # `at` travels as text, made an instant by the append statement: every read appends an
    # entry, and the driver's own conversion of a datetime parameter is slow (access_values).
    entry = {"id": str(uuid.uuid4()), "kind": kind, "at": instant_text(at), "actor": actor}
    entry |= {key: stored(value) for key, value in details.items() if value is not None}
    return entry


def transition_entries(
    employee_id: str, transitions: list[Transition], *, actor: str, now: datetime
) -> list[dict[str, Any]]:
    """Audit entries for grant transitions, each with its reason and policy version."""
    return [
        audit_entry(
            "grant.transition",
            at=now,
            actor=actor,
            employeeId=employee_id,
            grantId=t.grant.id,
            fromStatus=t.from_status.value if t.from_status else None,
            toStatus=t.to_status.value,
            effectiveAt=t.at,
            reason=t.reason,
            policyVersion=t.policy_version,
            # Transitions of one transaction share `at`; the step keeps their order.
            step=step,
        )
        for step, t in enumerate(transitions)
    ]


async def append(tx: AsyncManagedTransaction, entries: list[dict[str, Any]]) -> None:
    """Append entries inside the caller's transaction."""
    if entries:
        await fetch_all(tx, cypher("audit/append_audit_events"), events=entries)


async def append_now(driver: AsyncDriver, entries: list[dict[str, Any]], *, database: str) -> None:
    """Append entries in their own transaction (decisions, which change nothing else)."""
    if entries:
        await driver.execute_query(
            cypher("audit/append_audit_events"),
            events=entries,
            database_=database,
            bookmark_manager_=causal_chain(driver),
        )


async def list_entries(
    driver: AsyncDriver, *, database: str, employee_id: str | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Audit entries, oldest first, for one staff member or for everyone."""
    records, _, _ = await driver.execute_query(
        cypher("audit/list_audit_entries"),
        employeeId=employee_id,
        limit=limit,
        database_=database,
        routing_=RoutingControl.READ,
        bookmark_manager_=causal_chain(driver),
    )
    return [native(record["entry"]) for record in records]
