"""The answer to "what is my access?": status, rights, scope, checklist, dates, next steps.

Built from the same facts and engine the sweep uses, evaluated at the asking instant without
storing anything, so an expiry shows the moment it happens even before the sweep records it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from graph_service.access.engine import (
    evaluate,
    final_grant,
    local_date,
    rights_in_force,
    window_of,
)
from graph_service.access.facts import Grant, GrantStatus, LocationKind, StaffFacts
from graph_service.access.policy import Policy, Right, Support
from graph_service.access.requirements import Requirement, checklist, team_id_of, track_for

StatusName = Literal["active", "pending", "none", "expired", "revoked"]

RIGHT_NAMES = {Right.READ: "Read", Right.WRITE: "Write", Right.ADD: "Add", Right.DELETE: "Delete"}


class AccessStatus(BaseModel):
    """One staff member's household access, explained."""

    model_config = ConfigDict(frozen=True)

    employee_id: str
    name: str
    as_of: datetime
    status: StatusName
    track: str | None
    location: str | None
    rights: list[Right]
    scope: str | None
    checklist: list[Requirement]
    granted_on: date | None = None
    active_since: date | None = None
    active_by: date | None = None
    valid_through: date | None = None
    expires_at: datetime | None = None
    quiz_window_opens: date | None = None
    quiz_due: date | None = None
    quiz_completed_on: date | None = None
    lost_on: date | None = None
    lost_reason: str | None = None
    next_steps: list[str]
    support: Support
    policy_version: str


def scope_text(grant: Grant) -> str:
    """The grant's scope in words."""
    if grant.location_kind is LocationKind.TEAM:
        return "every household in the district"
    return (
        f"households with a member currently enrolled at {grant.location_name}, and "
        f"households created there that have no enrolled member yet"
    )


def build_status(facts: StaffFacts, policy: Policy, now: datetime) -> AccessStatus:
    """The status at `now` (pure: nothing is stored)."""
    transitions = evaluate(facts, policy, now, activate=False)
    grant = final_grant(facts, transitions)
    reset_at = facts.requirements_reset_at
    for t in transitions:
        if t.sets_reset:
            reset_at = t.reset_at
    current = facts.model_copy(update={"grant": grant, "requirements_reset_at": reset_at})
    items = checklist(current, policy)
    track_id = grant.track if grant and grant.status.live else track_for(facts.assignment)
    status: StatusName = grant.status.value if grant else "none"
    live = grant is not None and grant.status.live
    window = window_of(grant, policy) if grant and grant.status is GrantStatus.ACTIVE else None
    if window is not None and window.contains(local_date(now, policy)):
        items.append(
            Requirement(
                key="quiz",
                label=f"Recertification quiz {policy.recertification.quiz_id}",
                met=False,
                note=f"due by {window.due:%b %-d, %Y}",
            )
        )
    quiz_done = _quiz_in_window(current, policy)
    team = team_id_of(facts.assignment)
    return AccessStatus(
        employee_id=facts.employee_id,
        name=facts.name,
        as_of=now,
        status=status,
        track=policy.track(track_id).label if track_id else None,
        location=(grant.location_name if live and grant else None)
        or (facts.assignment.location_name if facts.assignment else None),
        rights=rights_in_force(grant, policy) if live and grant else [],
        scope=scope_text(grant) if live and grant else None,
        checklist=items,
        granted_on=local_date(grant.pending_since, policy) if live and grant else None,
        active_since=_local(grant.activated_at, policy) if live and grant else None,
        active_by=grant.active_by if grant and grant.status is GrantStatus.PENDING else None,
        valid_through=grant.valid_through if live and grant else None,
        expires_at=grant.expires_at if live and grant else None,
        quiz_window_opens=window.opens if window else None,
        quiz_due=window.due if window else None,
        quiz_completed_on=quiz_done,
        lost_on=_local(grant.ended_at, policy) if grant and not live else None,
        lost_reason=grant.end_reason if grant and not live else None,
        next_steps=next_steps(current, policy, now, items, team),
        support=policy.support,
        policy_version=grant.policy_version if grant else policy.version,
    )


def _local(instant: datetime | None, policy: Policy) -> date | None:
    return local_date(instant, policy) if instant else None


def _quiz_in_window(facts: StaffFacts, policy: Policy) -> date | None:
    grant = facts.grant
    if grant is None or grant.renewed_at is None:
        return None
    return local_date(grant.renewed_at, policy)


def next_steps(
    facts: StaffFacts, policy: Policy, now: datetime, items: list[Requirement], team: str | None
) -> list[str]:
    """What the person should do now, in plain words."""
    grant = facts.grant
    today = local_date(now, policy)
    quiz_id = policy.recertification.quiz_id
    if grant is not None and grant.status is GrantStatus.PENDING:
        if today > grant.active_by:
            return [
                f"Your access is overdue: it was due by {grant.active_by:%A, %B %-d, %Y}. "
                "Please contact support; the delay has been reported to them."
            ]
        return [
            f"Nothing to do: your access is being provisioned and will be active by "
            f"{grant.active_by:%A, %B %-d, %Y} at the latest.",
            "If it is not active by then, contact support.",
        ]
    if grant is not None and grant.status is GrantStatus.ACTIVE:
        window = window_of(grant, policy)
        assert window is not None  # an active grant always has its dates
        if window.contains(today):
            return [
                f"Complete the recertification quiz ({quiz_id}) by {window.due:%B %-d, %Y} to "
                f"keep your access for two more school years; without it, access ends at "
                f"midnight that night."
            ]
        return [
            f"Nothing to do now. The recertification quiz ({quiz_id}) opens on "
            f"{window.opens:%B %-d, %Y}; complete it by {window.due:%B %-d, %Y}."
        ]
    steps = [_step(item, policy, facts) for item in items if not item.met]
    if grant is not None and any(i.note and "no longer counts" in i.note for i in items):
        steps.append(
            "Completions dated before your access was lost no longer count: the "
            "eLearning courses must be completed again."
        )
    if not steps:
        steps.append(
            "Your requirements are met; access will be granted at the next provisioning run."
        )
    return steps


def _step(item: Requirement, policy: Policy, facts: StaffFacts) -> str:
    if item.key == "employment":
        return "Household access requires active district employment."
    if item.key == "assignment":
        return (
            "Your current job role and location are not covered by any access track; "
            "contact support if you believe this is wrong."
        )
    if item.key == "team-approved":
        return (
            "Your team is not approved for household access. Your manager can request "
            "approval from the access administrators."
        )
    if item.key == "approval":
        school = facts.assignment.location_name if facts.assignment else "your school"
        return (
            f"Ask your principal or an access administrator to record your approval for {school}."
        )
    course_id = item.key.removeprefix("course:")
    return f"Complete the eLearning course {course_id}: {policy.course_title(course_id)}."
