"""Which track applies to a staff member and which of its requirements are met, with evidence."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from graph_service.access.facts import (
    ApprovalRecord,
    Assignment,
    Completion,
    EmploymentStatus,
    LocationKind,
    RoleCategory,
    StaffFacts,
)
from graph_service.access.policy import Policy, TrackId


class Requirement(BaseModel):
    """One line of the checklist: what is required, whether it is met, and the evidence."""

    model_config = ConfigDict(frozen=True)

    key: str
    label: str
    met: bool
    evidence_at: datetime | None = None
    note: str | None = None


def track_for(assignment: Assignment | None) -> TrackId | None:
    """The track a role at a location falls in; None when no track covers it."""
    if assignment is None:
        return None
    if (
        assignment.category is RoleCategory.SCHOOL_BASED
        and assignment.location_kind is LocationKind.SCHOOL
    ):
        if assignment.office_professional:
            return TrackId.OFFICE_PROFESSIONAL
        return TrackId.SCHOOL_BASED
    if (
        assignment.category is RoleCategory.CENTRAL_OFFICE
        and assignment.location_kind is LocationKind.TEAM
    ):
        return TrackId.CENTRAL_OFFICE
    return None


def uncovered(assignment: Assignment, policy: Policy) -> str | None:
    """Why the policy gives this assignment no household access (fail closed: a role, team
    or school without an entry in the policy gets none), or None when it is covered."""
    track = track_for(assignment)
    if track is None:
        return "your current assignment is not covered by any access track"
    if policy.track_of_role(assignment.role_id) is not track:
        return f"the access policy has no entry for the job role {assignment.role_name}"
    teams = policy.tracks.central_office.teams
    if track is TrackId.CENTRAL_OFFICE and assignment.location_id not in teams:
        return f"the access policy has no entry for team {assignment.location_name}"
    # A team entry without rights agrees with a team not approved: the checklist then says
    # the approval is missing. An approved team the policy gives no rights is not covered.
    if (
        track is TrackId.CENTRAL_OFFICE
        and assignment.team_approved
        and not policy.rights(track, assignment.location_id)
    ):
        return f"the access policy gives team {assignment.location_name} no household access"
    if track is not TrackId.CENTRAL_OFFICE and not policy.covers_school(assignment.location_id):
        return f"the access policy does not cover {assignment.location_name}"
    return None


def team_id_of(assignment: Assignment | None) -> str | None:
    """The central-office team of an assignment, or None at a school."""
    if assignment is not None and assignment.location_kind is LocationKind.TEAM:
        return assignment.location_id
    return None


def _latest(items: list[Completion], course_id: str) -> Completion | None:
    matching = [item for item in items if item.course_id == course_id]
    return max(matching, key=lambda item: item.completed_at, default=None)


def checklist(facts: StaffFacts, policy: Policy) -> list[Requirement]:
    """The requirements for the staff member's current track, each marked met or unmet."""
    items = [
        Requirement(
            key="employment",
            label="Employed by the district",
            met=facts.employment_status is EmploymentStatus.ACTIVE,
        )
    ]
    track = track_for(facts.assignment)
    assignment = facts.assignment
    gap = "you have no current assignment" if assignment is None else uncovered(assignment, policy)
    if track is None or assignment is None or gap is not None:
        items.append(
            Requirement(
                key="assignment",
                label="A job role at a school, or on a central-office team",
                met=False,
                note=gap,
            )
        )
        return items
    if track is TrackId.CENTRAL_OFFICE:
        items.append(
            Requirement(
                key="team-approved",
                label=f"Team {assignment.location_name} approved for household access",
                met=assignment.team_approved,
            )
        )
    reset = facts.requirements_reset_at
    for course in policy.required_courses(track, team_id_of(assignment)):
        latest = _latest(facts.completions, course.id)
        fresh = latest is not None and (reset is None or latest.completed_at >= reset)
        note = None
        if latest is not None and not fresh:
            note = "no longer counts: completed before access was lost"
        items.append(
            Requirement(
                key=f"course:{course.id}",
                label=f"Course {course.id}: {course.title}",
                met=fresh,
                evidence_at=latest.completed_at if latest else None,
                note=note,
            )
        )
    approval_rule = policy.track(track).approval
    if approval_rule is not None:
        approval = current_approval(facts)
        givers = " or ".join(role.replace("-", " ") for role in approval_rule.given_by)
        items.append(
            Requirement(
                key="approval",
                label=f"Approval for {assignment.location_name} by the {givers}",
                met=approval is not None,
                evidence_at=approval.given_at if approval else None,
                note=f"approved by {approval.approver_id}" if approval else None,
            )
        )
    return items


def current_approval(facts: StaffFacts) -> ApprovalRecord | None:
    """The standing approval for the current school: not withdrawn, given after any loss."""
    if facts.assignment is None:
        return None
    reset = facts.requirements_reset_at
    standing = [
        approval
        for approval in facts.approvals
        if approval.school_id == facts.assignment.location_id
        and approval.withdrawn_at is None
        and (reset is None or approval.given_at >= reset)
    ]
    return max(standing, key=lambda approval: approval.given_at, default=None)


def requirements_met(items: list[Requirement]) -> bool:
    """True when every checklist line is met."""
    return all(item.met for item in items)


def met_at(items: list[Requirement]) -> datetime | None:
    """When the last requirement was met (the latest evidence), for the record."""
    dates = [item.evidence_at for item in items if item.evidence_at is not None]
    return max(dates, default=None)
