"""Recording feed events: each one, in one write transaction, is stored, applied to the staff
member's assignment, run through the engine, and audited. A replay changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from neo4j import AsyncManagedTransaction

from graph_service.access.as_of import local_iso
from graph_service.access.batch import BatchFormat, DuplicateRow, RejectedRow, parse_batch
from graph_service.access.engine import evaluate
from graph_service.access.events import HR_EVENTS, AccessEventIn, EventType
from graph_service.access.facts import Transition
from graph_service.db import access as db
from graph_service.db import audit
from graph_service.errors import BadInput, Conflict
from graph_service.observability.metrics import FEED_ROWS
from graph_service.services.grant_metrics import count_transitions
from graph_service.services.runtime import Runtime

# Feeds' clocks drift; an event stamped a few minutes ahead of ours is still believable.
_CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class EventOutcome:
    key: str
    duplicate: bool
    transitions: list[Transition] = field(default_factory=list)


def _check_against_policy(event: AccessEventIn, runtime: Runtime, now: datetime) -> None:
    policy = runtime.policy
    if event.occurred_at > now + _CLOCK_SKEW:
        raise BadInput(
            "occurredAt", f"{local_iso(event.occurred_at, policy.zone)} is in the future"
        )
    if event.type is EventType.COURSE_COMPLETED and event.course_id not in {
        course.id for course in policy.courses
    }:
        raise BadInput("courseId", f'"{event.course_id}" is not a course the policy requires')
    if event.type is EventType.QUIZ_COMPLETED and event.course_id not in (
        None,
        policy.recertification.quiz_id,
    ):
        raise BadInput(
            "courseId", f'the recertification quiz is "{policy.recertification.quiz_id}"'
        )
    if event.type in (EventType.APPROVAL_GIVEN, EventType.APPROVAL_WITHDRAWN):
        rule = policy.tracks.school_based.approval
        allowed = rule.given_by if rule else []
        if event.approver_role not in allowed:
            raise BadInput("approverRole", f"must be one of: {', '.join(allowed)}")


def _check_hr_order(event: AccessEventIn, last: datetime | None, zone: ZoneInfo) -> None:
    """HR history is applied in order: a change dated before the last one applied would
    rewrite the assignment in the past, so it is refused for the feed to resend in order."""
    if last is not None and event.occurred_at < last:
        raise BadInput(
            "occurredAt",
            f"{local_iso(event.occurred_at, zone)} is before the last HR change applied for "
            f"{event.employee_id} ({local_iso(last, zone)}); HR events must arrive in date order",
        )


def _check_employment(event: AccessEventIn, status: str) -> None:
    """HR events must fit the person's employment: no moves or departure after leaving, no
    rehire while still employed."""
    employee = event.employee_id
    if status == "departed" and event.type in (
        EventType.ROLE_CHANGED,
        EventType.LOCATION_CHANGED,
        EventType.DEPARTED,
    ):
        raise BadInput("type", f"{employee} has left the district; send a rehired event first")
    if status == "active" and event.type is EventType.REHIRED:
        raise BadInput(
            "type", f"{employee} is still employed; send role-changed or location-changed"
        )


async def _check_principal(
    tx: AsyncManagedTransaction, event: AccessEventIn, runtime: Runtime
) -> None:
    """A principal's approval counts only from a current principal of that school."""
    rule = runtime.policy.tracks.school_based.approval
    principal_roles = rule.principal_role_ids if rule else []
    approver = await db.approver_assignment(tx, approver_id=str(event.approver_id))
    if (
        approver is None
        or approver["employmentStatus"] != "active"
        or approver["roleId"] not in principal_roles
        or approver["locationId"] != event.school_id
    ):
        raise BadInput(
            "approverId",
            f'"{event.approver_id}" is not a current principal of "{event.school_id}"',
        )


async def record_event(runtime: Runtime, event: AccessEventIn) -> EventOutcome:
    """Apply one event; the same event again (same key) is reported as a duplicate. A refused
    event changes nothing but the audit trail, which records that it came and why it failed."""
    try:
        outcome = await _apply(runtime, event)
    except BadInput as error:
        FEED_ROWS.labels("rejected").inc()
        rejected = audit.audit_entry(
            "event.rejected",
            at=runtime.now(),
            actor=event.source,
            employeeId=event.employee_id,
            eventKey=event.idempotency_key,
            eventType=event.type.value,
            occurredAt=event.occurred_at,
            reason=error.message,
        )
        await audit.append_now(runtime.driver, [rejected], database=runtime.database)
        raise
    FEED_ROWS.labels("duplicate" if outcome.duplicate else "applied").inc()
    count_transitions("feed", [outcome.transitions])
    return outcome


async def _apply(runtime: Runtime, event: AccessEventIn) -> EventOutcome:
    now = runtime.now()
    _check_against_policy(event, runtime, now)
    if event.type is EventType.QUIZ_COMPLETED and event.course_id is None:
        event = event.model_copy(update={"course_id": runtime.policy.recertification.quiz_id})
    key = event.idempotency_key

    async def work(tx: AsyncManagedTransaction) -> EventOutcome:
        if await db.event_seen(tx, key=key):
            return EventOutcome(key=key, duplicate=True)
        if event.type is EventType.APPROVAL_GIVEN and event.approver_role == "principal":
            await _check_principal(tx, event, runtime)
        if event.type is EventType.HIRED:
            await db.hire(tx, event=event, now=now)
        lock = await db.lock_staff(tx, employee_id=event.employee_id, now=now)
        _check_employment(event, lock.employment_status)
        if event.type in HR_EVENTS:
            _check_hr_order(event, lock.last_hr_event_at, runtime.policy.zone)
            await db.mark_hr_event(tx, event=event)
        if event.type is EventType.REHIRED:
            await db.hire(tx, event=event, now=now)
        if event.role_id is not None:
            await db.assign_role(tx, event=event)
        if event.location_id is not None:
            await db.assign_location(tx, event=event)
        if event.type is EventType.DEPARTED:
            await db.depart(tx, event=event, now=now)
        await db.record_event(tx, event=event, key=key, now=now)
        facts = await db.load_facts(tx, employee_id=event.employee_id)
        assert facts is not None  # locked above
        transitions = evaluate(facts, runtime.policy, now, activate=False)
        await db.save_transitions(
            tx, employee_id=event.employee_id, transitions=transitions, now=now
        )
        received = audit.audit_entry(
            "event.received",
            at=now,
            actor=event.source,
            employeeId=event.employee_id,
            eventKey=key,
            eventType=event.type.value,
            occurredAt=event.occurred_at,
            courseId=event.course_id,
            schoolId=event.school_id,
            roleId=event.role_id,
            locationId=event.location_id,
            approverId=event.approver_id,
        )
        changes = audit.transition_entries(
            event.employee_id, transitions, actor=f"engine ({event.source})", now=now
        )
        await audit.append(tx, [received, *changes])
        return EventOutcome(key=key, duplicate=False, transitions=transitions)

    try:
        return await runtime.write(work, actor=event.source)
    except Conflict:
        # The same event arrived twice at once and the other copy committed first.
        return EventOutcome(key=key, duplicate=True)


@dataclass
class BatchReport:
    applied: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    duplicate_rows: list[DuplicateRow] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        """How many rows repeated an event (in the file or recorded before)."""
        return len(self.duplicate_rows)


async def record_batch(runtime: Runtime, text: str, fmt: BatchFormat) -> BatchReport:
    """Apply a feed file row by row: bad rows are reported with their line and reason, and
    never stop the good ones (each good row commits on its own)."""
    parsed = parse_batch(text, fmt)
    FEED_ROWS.labels("rejected").inc(len(parsed.rejected))
    FEED_ROWS.labels("duplicate").inc(len(parsed.duplicates))
    report = BatchReport(rejected=list(parsed.rejected), duplicate_rows=list(parsed.duplicates))
    for line, event in parsed.events:
        try:
            outcome = await record_event(runtime, event)
        except BadInput as error:
            report.rejected.append(RejectedRow(line, error.message))
            continue
        if outcome.duplicate:
            report.duplicate_rows.append(DuplicateRow(line, None))
        else:
            report.applied += 1
    report.rejected.sort(key=lambda row: row.line)
    report.duplicate_rows.sort(key=lambda row: row.line)
    return report
