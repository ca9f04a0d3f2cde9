"""The rules of certified household access as one pure function of facts, policy and time.

`evaluate` answers "given what we know about this person now, which grant transitions must
happen?" The event handlers and the provisioning sweep both call it inside their write
transaction and store what it returns; the status query calls it without storing, so what a
person is told always matches what the next sweep will do.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta

from graph_service.access.facts import (
    Completion,
    EmploymentStatus,
    Grant,
    GrantStatus,
    LocationKind,
    StaffFacts,
    Transition,
)
from graph_service.access.policy import Policy, Right, TrackId
from graph_service.access.requirements import (
    checklist,
    current_approval,
    met_at,
    requirements_met,
    team_id_of,
    track_for,
    uncovered,
)
from graph_service.access.school_year import (
    QuizWindow,
    expiry_instant,
    quiz_window,
    renewed_through,
    valid_through,
)


def local_date(instant: datetime, policy: Policy) -> date:
    """The district-local calendar date of an instant."""
    return instant.astimezone(policy.zone).date()


def window_of(grant: Grant, policy: Policy) -> QuizWindow | None:
    """The recertification window of an activated grant."""
    if grant.valid_through is None:
        return None
    return quiz_window(
        grant.valid_through, policy.recertification.window_opens.month_day, policy.year_start
    )


def sla_deadline(grant: Grant, policy: Policy) -> datetime:
    """The instant a pending grant becomes an SLA breach: midnight after its active-by day."""
    return expiry_instant(grant.active_by, policy.zone)


class _Run:
    """Collects the transitions of one evaluation, each stamped with the policy version."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.transitions: list[Transition] = []

    def move(
        self,
        grant: Grant,
        to: GrantStatus,
        reason: str,
        at: datetime,
        *,
        reset: tuple[datetime | None] | None = None,
        **changes: object,
    ) -> Grant:
        """Record a transition; `reset=(instant,)` also sets the staff member's reset."""
        updated = grant.model_copy(update={"status": to, **changes})
        self.transitions.append(
            Transition(
                grant=updated,
                from_status=grant.status,
                to_status=to,
                reason=reason,
                at=at,
                policy_version=self.policy.version,
                sets_reset=reset is not None,
                reset_at=reset[0] if reset is not None else None,
            )
        )
        return updated


def evaluate(
    facts: StaffFacts,
    policy: Policy,
    now: datetime,
    *,
    activate: bool,
    new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
) -> list[Transition]:
    """The transitions due for this staff member at `now`. `activate` is True for the
    provisioning sweep, which is what turns pending grants active."""
    run = _Run(policy)
    grant = facts.grant
    reset_at = facts.requirements_reset_at
    if grant is not None and grant.status is GrantStatus.EXPIRED:
        reinstated = _reinstate(run, grant, facts, now)
        if reinstated is not None:
            grant, reset_at = reinstated, grant.reset_before_expiry
    if grant is not None and grant.status is GrantStatus.ACTIVE:
        grant = _renew_or_expire(run, grant, facts, now, reset_at)
        if grant.status is GrantStatus.EXPIRED:
            reset_at = grant.ended_at
    if grant is not None and grant.status.live:
        reason = revocation_reason(grant, facts, policy)
        if reason is not None:
            grant = run.move(
                grant, GrantStatus.REVOKED, reason, now, ended_at=now, end_reason=reason
            )
    if grant is None or not grant.status.live:
        current = facts.model_copy(update={"requirements_reset_at": reset_at})
        grant = _new_pending(run, current, policy, now, new_id) or grant
    # A run "as of" an earlier instant must not activate a grant before it was pending.
    if (
        activate
        and grant is not None
        and grant.status is GrantStatus.PENDING
        and now >= grant.pending_since
    ):
        _activate(run, grant, policy, now)
    return run.transitions


def _timely_quiz(
    grant: Grant, facts: StaffFacts, policy: Policy, now: datetime
) -> Completion | None:
    """The first quiz completed inside the grant's window, before it expired, by `now`."""
    window = window_of(grant, policy)
    if window is None or grant.expires_at is None:
        return None
    expires_at = grant.expires_at
    return next(
        (
            q
            for q in sorted(facts.quizzes, key=lambda q: q.completed_at)
            if q.course_id == policy.recertification.quiz_id
            and window.contains(local_date(q.completed_at, policy))
            and q.completed_at < expires_at
            and q.completed_at <= now
        ),
        None,
    )


def _reinstate(run: _Run, grant: Grant, facts: StaffFacts, now: datetime) -> Grant | None:
    """An expired grant comes back when a quiz taken in time is reported late (within the
    policy's grace days); the expiry is then undone, renewal included."""
    policy = run.policy
    grace = timedelta(days=policy.recertification.late_report_grace_days)
    if grant.expires_at is None or now >= grant.expires_at + grace:
        return None
    quiz = _timely_quiz(grant, facts, policy, now)
    if quiz is None:
        return None
    return run.move(
        grant,
        GrantStatus.ACTIVE,
        f"reinstated: recertification quiz completed on {local_date(quiz.completed_at, policy)}"
        " was reported after the expiry",
        now,
        reset=(grant.reset_before_expiry,),
        ended_at=None,
        end_reason=None,
        reset_before_expiry=None,
    )


def _renew_or_expire(
    run: _Run, grant: Grant, facts: StaffFacts, now: datetime, reset_at: datetime | None
) -> Grant:
    policy = run.policy
    window = window_of(grant, policy)
    if window is None or grant.expires_at is None or grant.valid_through is None:
        return grant  # never activated: nothing to renew or expire
    quiz = _timely_quiz(grant, facts, policy, now)
    if quiz is not None:
        through = renewed_through(grant.valid_through, policy.validity_school_years)
        grant = run.move(
            grant,
            GrantStatus.ACTIVE,
            f"renewed: recertification quiz completed on {local_date(quiz.completed_at, policy)}"
            f"; valid through {through}",
            now,
            valid_through=through,
            expires_at=expiry_instant(through, policy.zone),
            renewed_at=quiz.completed_at,
        )
    if grant.expires_at is not None and now >= grant.expires_at:
        reason = (
            f"expired: valid through {grant.valid_through} and the recertification quiz "
            f"was not completed between {window.opens} and {window.due}"
        )
        grant = run.move(
            grant,
            GrantStatus.EXPIRED,
            reason,
            grant.expires_at,
            ended_at=grant.expires_at,
            end_reason=reason,
            reset=(grant.expires_at,),
            reset_before_expiry=reset_at,
        )
    return grant


def revocation_reason(grant: Grant, facts: StaffFacts, policy: Policy) -> str | None:
    """Why a live grant must end now (mover, leaver, lost approval, no longer covered by
    the policy), or None."""
    assignment = facts.assignment
    if facts.employment_status is EmploymentStatus.DEPARTED:
        return "revoked: left district employment"
    if assignment is None:
        return "revoked: no current assignment"
    if assignment.role_id != grant.role_id:
        return f"revoked: job role changed to {assignment.role_name}"
    if assignment.location_id != grant.location_id:
        return f"revoked: location changed to {assignment.location_name}"
    if track_for(assignment) is not grant.track:
        return "revoked: the job role no longer belongs to the same access track"
    if grant.track is TrackId.CENTRAL_OFFICE and not assignment.team_approved:
        return f"revoked: team {assignment.location_name} is no longer approved"
    if grant.track is TrackId.SCHOOL_BASED and current_approval(facts) is None:
        return f"revoked: approval for {assignment.location_name} was withdrawn"
    if (gap := uncovered(assignment, policy)) is not None:
        return f"revoked: {gap}"
    return None


def _new_pending(
    run: _Run, facts: StaffFacts, policy: Policy, now: datetime, new_id: Callable[[], str]
) -> Grant | None:
    items = checklist(facts, policy)
    track = track_for(facts.assignment)
    if track is None or facts.assignment is None or not requirements_met(items):
        return None
    assignment = facts.assignment
    today = local_date(now, policy)
    pending = Grant(
        id=new_id(),
        status=GrantStatus.PENDING,
        track=track,
        role_id=assignment.role_id,
        location_kind=assignment.location_kind,
        location_id=assignment.location_id,
        location_name=assignment.location_name,
        rights=policy.rights(track, team_id_of(assignment)),
        policy_version=policy.version,
        requirements_met_at=met_at(items) or now,
        pending_since=now,
        active_by=policy.calendar.add_business_days(today, policy.sla_business_days),
    )
    run.transitions.append(
        Transition(
            grant=pending,
            from_status=None,
            to_status=GrantStatus.PENDING,
            reason=f"requirements met: {policy.track(track).label} at {assignment.location_name}",
            at=now,
            policy_version=policy.version,
        )
    )
    return pending


def _activate(run: _Run, grant: Grant, policy: Policy, now: datetime) -> Grant:
    today = local_date(now, policy)
    through = valid_through(today, policy.validity_school_years, policy.year_start)
    reason = f"activated by provisioning; valid through {through}"
    if now >= sla_deadline(grant, policy):
        reason += f" (SLA breach: was due active by {grant.active_by})"
    return run.move(
        grant,
        GrantStatus.ACTIVE,
        reason,
        now,
        activated_at=now,
        valid_through=through,
        expires_at=expiry_instant(through, policy.zone),
        # A grant made pending under an older policy takes the rights and the version of
        # the policy that activates it.
        rights=rights_in_force(grant, policy),
        policy_version=policy.version,
    )


def rights_in_force(grant: Grant, policy: Policy) -> list[Right]:
    """The rights the policy in force gives the grant's track (or central-office team)."""
    team = grant.location_id if grant.location_kind is LocationKind.TEAM else None
    return policy.rights(grant.track, team)


def final_grant(facts: StaffFacts, transitions: list[Transition]) -> Grant | None:
    """The staff member's latest grant once `transitions` are applied."""
    return transitions[-1].grant if transitions else facts.grant
