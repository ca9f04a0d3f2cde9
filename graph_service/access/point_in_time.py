"""Facts as they stood at a past instant, from the states the service kept (issue 13).

Every change to a staff member (a feed event, a provisioning sweep, a reference-data load)
keeps an immutable copy of their facts as they stood afterwards. The answer for an instant
is the latest copy recorded by then, evaluated at that instant: what the service knew and
would have said then, so later events never change it.
"""

from __future__ import annotations

from datetime import datetime

from graph_service.access.facts import EmploymentStatus, StaffFacts


def facts_at(kept: StaffFacts, at: datetime) -> StaffFacts:
    """`kept` without evidence dated after `at` (a feed's clock may run a little ahead)."""
    approvals = [
        a
        if a.withdrawn_at is None or a.withdrawn_at <= at
        else a.model_copy(update={"withdrawn_at": None})
        for a in kept.approvals
        if a.given_at <= at
    ]
    return kept.model_copy(
        update={
            "completions": [c for c in kept.completions if c.completed_at <= at],
            "quizzes": [q for q in kept.quizzes if q.completed_at <= at],
            "approvals": approvals,
        }
    )


def before_first_record(employee_id: str, name: str) -> StaffFacts:
    """A staff member at an instant before the service knew of them: not employed, no grant."""
    return StaffFacts(
        employee_id=employee_id, name=name, employment_status=EmploymentStatus.DEPARTED
    )
