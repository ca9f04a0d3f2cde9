"""The provisioning sweep: activates pending grants, expires lapsed ones, lists quizzes coming
due and reports SLA breaches. It is idempotent: a second run at the same instant changes
nothing, because every change it makes is one the engine no longer asks for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from neo4j import AsyncManagedTransaction

from graph_service.access.engine import evaluate, final_grant, local_date, sla_deadline, window_of
from graph_service.access.facts import GrantStatus, StaffFacts, Transition
from graph_service.access.policy import Policy
from graph_service.db import access as db
from graph_service.db import audit
from graph_service.services.grant_metrics import counted_sweep
from graph_service.services.runtime import Runtime


@dataclass(frozen=True)
class QuizDue:
    employee_id: str
    name: str
    grant_id: str
    window_opens: date
    due: date
    days_left: int


@dataclass(frozen=True)
class SlaBreach:
    employee_id: str
    grant_id: str
    pending_since: datetime
    active_by: date
    activated_at: datetime | None


@dataclass
class SweepReport:
    as_of: datetime
    transitions: dict[str, list[Transition]] = field(default_factory=dict)
    quiz_due: list[QuizDue] = field(default_factory=list)
    sla_breaches: list[SlaBreach] = field(default_factory=list)

    def count(self, status: GrantStatus) -> int:
        """How many grants this run moved into `status` (renewals count as active)."""
        return sum(
            1 for changes in self.transitions.values() for t in changes if t.to_status is status
        )

    @property
    def changed(self) -> bool:
        """True when the run changed any grant."""
        return any(self.transitions.values())


def _quiz_due(facts: StaffFacts, policy: Policy, today: date, within_days: int) -> QuizDue | None:
    grant = facts.grant
    if grant is None or grant.status is not GrantStatus.ACTIVE:
        return None
    window = window_of(grant, policy)
    if window is None or not 0 <= (window.due - today).days <= within_days:
        return None
    return QuizDue(
        employee_id=facts.employee_id,
        name=facts.name,
        grant_id=grant.id,
        window_opens=window.opens,
        due=window.due,
        days_left=(window.due - today).days,
    )


def _breaches(employee_id: str, transitions: list[Transition], policy: Policy) -> list[SlaBreach]:
    """Grants this run activated after their active-by day. (The sweep activates every
    pending grant it reads, so a late activation is how a breach shows up here.)"""
    return [
        SlaBreach(
            employee_id,
            t.grant.id,
            t.grant.pending_since,
            t.grant.active_by,
            t.grant.activated_at,
        )
        for t in transitions
        if t.from_status is GrantStatus.PENDING
        and t.to_status is GrantStatus.ACTIVE
        and t.at >= sla_deadline(t.grant, policy)
    ]


_BATCH = 500  # staff whose facts are read per round trip


@counted_sweep  # runs, time and transitions, in the metrics
async def run_sweep(
    runtime: Runtime, *, quiz_due_within_days: int = 30, full: bool = False
) -> SweepReport:
    """Run provisioning at the runtime clock's instant, in one write transaction. It reads
    only the grants it may change or list; `full` re-decides every live grant instead (a
    safety net after a data repair). Processes that may sweep at once go through
    services/sweep_lease.py."""
    now = runtime.now()
    policy = runtime.policy
    today = local_date(now, policy)  # the day of the sweep's own instant

    async def work(tx: AsyncManagedTransaction) -> SweepReport:
        report = SweepReport(as_of=now)
        if full:
            candidates = await db.live_grant_holders(tx)
        else:
            due_by = today + timedelta(days=quiz_due_within_days)
            candidates = await db.sweep_candidates(tx, now=now, due_by=due_by)
        for start in range(0, len(candidates), _BATCH):
            batch = candidates[start : start + _BATCH]
            # Locked before read: what another sweep or an event committed first is seen
            # here, so no transition is applied (or audited) twice.
            await db.lock_staff_batch(tx, employee_ids=batch)
            loaded = await db.load_many_facts(tx, employee_ids=batch)
            for employee_id in batch:
                if employee_id in loaded:
                    await _sweep_one(tx, loaded[employee_id], report, quiz_due_within_days)
        return report

    async def _sweep_one(
        tx: AsyncManagedTransaction, facts: StaffFacts, report: SweepReport, within: int
    ) -> None:
        employee_id = facts.employee_id
        transitions = evaluate(facts, policy, now, activate=True)
        if transitions:
            report.transitions[employee_id] = transitions
            await db.save_transitions(tx, employee_id=employee_id, transitions=transitions, now=now)
            changes = audit.transition_entries(
                employee_id, transitions, actor="provisioning", now=now
            )
            await audit.append(tx, changes)
            report.sla_breaches += _breaches(employee_id, transitions, policy)
        current = facts.model_copy(update={"grant": final_grant(facts, transitions)})
        due = _quiz_due(current, policy, today, within)
        if due is not None:
            report.quiz_due.append(due)

    return await runtime.write(work, actor="provisioning")
