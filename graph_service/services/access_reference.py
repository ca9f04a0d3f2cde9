"""Loading roles, schools and teams, and re-deciding access for the people they touch, in one
write transaction (a team losing its approval loses its grants at once)."""

from __future__ import annotations

from neo4j import AsyncManagedTransaction

from graph_service.access.engine import evaluate
from graph_service.access.facts import Transition
from graph_service.db import access as db
from graph_service.db import audit
from graph_service.db.staff import ReferenceData, save_reference_data, staff_affected_by
from graph_service.services.grant_metrics import counted_changes
from graph_service.services.runtime import Runtime


@counted_changes("reference")  # the transitions it caused, in the metrics
async def load_reference_data(
    runtime: Runtime, data: ReferenceData, *, actor: str
) -> dict[str, list[Transition]]:
    """Save the reference data; returns the grant transitions it caused, by employee id."""
    now = runtime.now()

    async def work(tx: AsyncManagedTransaction) -> dict[str, list[Transition]]:
        await save_reference_data(tx, data=data, actor=actor, now=now)
        saved = audit.audit_entry(
            "reference.saved",
            at=now,
            actor=actor,
            roleIds=[r.id for r in data.roles],
            schoolIds=[s.id for s in data.schools],
            teamIds=[t.id for t in data.teams],
            approvedTeamIds=[t.id for t in data.teams if t.approved_for_household_access],
        )
        await audit.append(tx, [saved])
        affected = await staff_affected_by(
            tx,
            role_ids=[r.id for r in data.roles],
            location_ids=[s.id for s in data.schools] + [t.id for t in data.teams],
        )
        changes: dict[str, list[Transition]] = {}
        for employee_id in affected:
            await db.lock_staff(tx, employee_id=employee_id, now=now)
            facts = await db.load_facts(tx, employee_id=employee_id)
            if facts is None:
                continue
            transitions = evaluate(facts, runtime.policy, now, activate=False)
            # Saved even without transitions: the history keeps the new role or team facts.
            await db.save_transitions(tx, employee_id=employee_id, transitions=transitions, now=now)
            if transitions:
                changes[employee_id] = transitions
                await audit.append(
                    tx, audit.transition_entries(employee_id, transitions, actor=actor, now=now)
                )
        return changes

    return await runtime.write(work, actor=actor)
