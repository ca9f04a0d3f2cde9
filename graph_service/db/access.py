"""Transaction steps of the access use cases: events in, facts out, grants and audit back.

Each function takes the open managed transaction, so a service composes several into one
use case that commits (or rolls back) as a whole.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from neo4j import AsyncManagedTransaction
from pydantic.alias_generators import to_camel, to_snake

from graph_service.access.events import AccessEventIn, EventType
from graph_service.access.facts import (
    ApprovalRecord,
    Assignment,
    Completion,
    Grant,
    LocationKind,
    StaffFacts,
    Transition,
)
from graph_service.db.access_history import keep_state
from graph_service.db.access_values import stored
from graph_service.db.cypher import cypher
from graph_service.db.run import fetch_all
from graph_service.errors import BadInput

EVIDENCE_TYPES = [
    EventType.COURSE_COMPLETED.value,
    EventType.QUIZ_COMPLETED.value,
    EventType.APPROVAL_GIVEN.value,
    EventType.APPROVAL_WITHDRAWN.value,
]


async def event_seen(tx: AsyncManagedTransaction, *, key: str) -> bool:
    """True when an event with this idempotency key was already applied."""
    return bool(await fetch_all(tx, cypher("access/find_event_by_key"), key=key))


async def hire(tx: AsyncManagedTransaction, *, event: AccessEventIn, now: datetime) -> None:
    """Create the staff member (or make a returning one active again)."""
    await fetch_all(
        tx,
        cypher("access/hire_staff"),
        employeeId=event.employee_id,
        newId=str(uuid.uuid4()),
        name=event.name,
        email=event.email,
        actor=event.source,
        now=stored(now),
    )


async def approver_assignment(
    tx: AsyncManagedTransaction, *, approver_id: str
) -> dict[str, Any] | None:
    """The approver's employment status, current role id and location id (None if unknown)."""
    found = await fetch_all(tx, cypher("access/approver_assignment"), approverId=approver_id)
    return found[0] if found else None


@dataclass(frozen=True)
class StaffLock:
    """What an event needs to know about the person it has locked."""

    employment_status: str
    last_hr_event_at: datetime | None


async def lock_staff(tx: AsyncManagedTransaction, *, employee_id: str, now: datetime) -> StaffLock:
    """Take the staff member's write lock and say where their employment stands, or refuse
    an event for someone never hired."""
    found = await fetch_all(
        tx, cypher("access/lock_staff"), employeeId=employee_id, now=stored(now)
    )
    if not found:
        raise BadInput(
            "employeeId",
            f'no staff member "{employee_id}": the HR feed must send their hire first',
        )
    return StaffLock(str(found[0]["employmentStatus"]), found[0]["lastHrEventAt"])


async def mark_hr_event(tx: AsyncManagedTransaction, *, event: AccessEventIn) -> None:
    """Remember the date of the HR change just applied."""
    await fetch_all(
        tx,
        cypher("access/mark_hr_event"),
        employeeId=event.employee_id,
        at=stored(event.occurred_at),
    )


async def assign_role(tx: AsyncManagedTransaction, *, event: AccessEventIn) -> None:
    """End the current role and start the event's, or refuse an unknown role."""
    found = await fetch_all(
        tx,
        cypher("access/assign_role"),
        employeeId=event.employee_id,
        roleId=event.role_id,
        at=stored(event.occurred_at),
        source=event.source,
    )
    if not found:
        raise BadInput("roleId", f'no job role "{event.role_id}"')


async def assign_location(tx: AsyncManagedTransaction, *, event: AccessEventIn) -> None:
    """End the current location and start the event's, or refuse an unknown one."""
    found = await fetch_all(
        tx,
        cypher("access/assign_location"),
        employeeId=event.employee_id,
        locationId=event.location_id,
        at=stored(event.occurred_at),
        source=event.source,
    )
    if not found:
        raise BadInput("locationId", f'no school or central-office team "{event.location_id}"')


async def depart(tx: AsyncManagedTransaction, *, event: AccessEventIn, now: datetime) -> None:
    """Mark the staff member departed and end their assignment."""
    await fetch_all(
        tx,
        cypher("access/depart_staff"),
        employeeId=event.employee_id,
        at=stored(event.occurred_at),
        now=stored(now),
        actor=event.source,
    )


async def record_event(
    tx: AsyncManagedTransaction, *, event: AccessEventIn, key: str, now: datetime
) -> None:
    """Store the event itself: the evidence the engine reads and the idempotency guard."""
    properties = {
        to_camel(name): stored(value)
        for name, value in event.model_dump(exclude={"key", "name", "email"}).items()
        if value is not None
    }
    properties |= {"id": str(uuid.uuid4()), "key": key, "receivedAt": stored(now)}
    await fetch_all(
        tx, cypher("access/record_event"), employeeId=event.employee_id, event=properties
    )


async def load_facts(tx: AsyncManagedTransaction, *, employee_id: str) -> StaffFacts | None:
    """Everything the engine needs about one staff member, in one statement."""
    found = await load_many_facts(tx, employee_ids=[employee_id])
    return found.get(employee_id)


async def load_many_facts(
    tx: AsyncManagedTransaction, *, employee_ids: list[str]
) -> dict[str, StaffFacts]:
    """The facts of several staff members in one round trip, by employee id."""
    found = await fetch_all(
        tx,
        cypher("access/load_staff_facts"),
        employeeIds=employee_ids,
        evidenceTypes=EVIDENCE_TYPES,
    )
    return {row["staff"]["employeeId"]: _facts(row) for row in found}


def _facts(row: dict[str, Any]) -> StaffFacts:
    staff = row["staff"]
    evidence = sorted(row["evidence"], key=lambda e: e["occurredAt"])
    return StaffFacts(
        employee_id=staff["employeeId"],
        name=staff.get("name") or staff["employeeId"],
        email=staff.get("email"),
        employment_status=staff["employmentStatus"],
        assignment=_assignment(row["role"], row["location"]),
        completions=_completions(evidence, EventType.COURSE_COMPLETED),
        quizzes=_completions(evidence, EventType.QUIZ_COMPLETED),
        approvals=_approvals(evidence),
        grant=grant_from_row(row["grant"]) if row["grant"] else None,
        requirements_reset_at=staff.get("requirementsResetAt"),
    )


def _assignment(role: dict[str, Any] | None, location: dict[str, Any] | None) -> Assignment | None:
    if role is None or location is None:
        return None
    return Assignment(
        role_id=role["id"],
        role_name=role["name"],
        category=role["category"],
        office_professional=bool(role.get("officeProfessional")),
        location_kind=LocationKind.SCHOOL if location["isSchool"] else LocationKind.TEAM,
        location_id=location["id"],
        location_name=location.get("name") or location["id"],
        team_approved=bool(location.get("approvedForHouseholdAccess")),
    )


def _completions(evidence: list[dict[str, Any]], kind: EventType) -> list[Completion]:
    return [
        Completion(course_id=e["courseId"], completed_at=e["occurredAt"])
        for e in evidence
        if e["type"] == kind.value
    ]


def _approvals(evidence: list[dict[str, Any]]) -> list[ApprovalRecord]:
    """Approvals in time order; a withdrawal ends the standing approval for its school."""
    approvals: list[ApprovalRecord] = []
    for e in evidence:
        if e["type"] == EventType.APPROVAL_GIVEN.value:
            approvals.append(
                ApprovalRecord(
                    school_id=e["schoolId"],
                    approver_id=e["approverId"],
                    approver_role=e["approverRole"],
                    given_at=e["occurredAt"],
                )
            )
        elif e["type"] == EventType.APPROVAL_WITHDRAWN.value:
            approvals = [
                a.model_copy(update={"withdrawn_at": e["occurredAt"]})
                if a.school_id == e["schoolId"] and a.withdrawn_at is None
                else a
                for a in approvals
            ]
    return approvals


def grant_from_row(properties: dict[str, Any]) -> Grant:
    """A stored grant node's properties as the engine's model (bookkeeping fields dropped)."""
    fields = Grant.model_fields
    return Grant.model_validate(
        {_snake(key): value for key, value in properties.items() if _snake(key) in fields}
    )


_snake = cache(to_snake)  # a grant's few keys, on every request


def grant_properties(grant: Grant) -> dict[str, Any]:
    """A grant as graph properties (camelCase, instants in UTC)."""
    return {to_camel(name): stored(value) for name, value in grant.model_dump().items()}


async def save_transitions(
    tx: AsyncManagedTransaction,
    *,
    employee_id: str,
    transitions: list[Transition],
    now: datetime,
) -> None:
    """Store each grant's new state and the reset instant a transition sets (an expiry is a
    loss; a reinstatement undoes it), then keep the staff member's facts as they now stand
    in their history (point-in-time answers read it), even when no grant changed."""
    for transition in transitions:
        await fetch_all(
            tx,
            cypher("access/save_grant"),
            employeeId=employee_id,
            grantId=transition.grant.id,
            grant=grant_properties(transition.grant),
            now=stored(now),
        )
        if transition.sets_reset:
            await fetch_all(
                tx,
                cypher("access/reset_requirements"),
                employeeId=employee_id,
                at=stored(transition.reset_at),
            )
    facts = await load_facts(tx, employee_id=employee_id)
    if facts is not None:
        await keep_state(tx, facts=facts, now=now)


async def lock_staff_batch(tx: AsyncManagedTransaction, *, employee_ids: list[str]) -> None:
    """Take the write locks of these staff members (sorted ids: a fixed order never deadlocks)
    without changing them, so what this transaction reads of them next is current."""
    await fetch_all(tx, cypher("access/lock_staff_batch"), employeeIds=sorted(employee_ids))


async def live_grant_holders(tx: AsyncManagedTransaction) -> list[str]:
    """Employee ids of everyone holding a pending or active grant."""
    found = await fetch_all(tx, cypher("access/staff_with_live_grants"))
    return [row["employeeId"] for row in found]


async def sweep_candidates(
    tx: AsyncManagedTransaction, *, now: datetime, due_by: date
) -> list[str]:
    """Employee ids whose grant the sweep may change or list: pending grants, active ones at
    or past their expiry, and active ones whose last valid day is on or before `due_by`."""
    found = await fetch_all(tx, cypher("access/sweep_candidates"), now=stored(now), dueBy=due_by)
    return [row["employeeId"] for row in found]
