"""What the engine reasons about: one staff member's facts and their grants, as plain models.

The graph layer reads these in the same transaction that writes the engine's answer, so the
rules themselves stay pure functions of (facts, policy, instant) and are tested without a DB.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict

from graph_service.access.policy import Right, TrackId


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EmploymentStatus(StrEnum):
    ACTIVE = "active"
    DEPARTED = "departed"


class RoleCategory(StrEnum):
    SCHOOL_BASED = "school-based"
    CENTRAL_OFFICE = "central-office"


class LocationKind(StrEnum):
    SCHOOL = "school"
    TEAM = "team"


class GrantStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"

    @property
    def live(self) -> bool:
        """Pending and active grants can still change; expired and revoked ones are history."""
        return self in (GrantStatus.PENDING, GrantStatus.ACTIVE)


class Assignment(_Frozen):
    """The staff member's current job role and where they hold it."""

    role_id: str
    role_name: str
    category: RoleCategory
    office_professional: bool
    location_kind: LocationKind
    location_id: str
    location_name: str
    team_approved: bool = False


class Completion(_Frozen):
    """A course or quiz completion as the learning system reported it."""

    course_id: str
    completed_at: AwareDatetime


class ApprovalRecord(_Frozen):
    school_id: str
    approver_id: str
    approver_role: str
    given_at: AwareDatetime
    withdrawn_at: AwareDatetime | None = None


class Grant(_Frozen):
    """One grant of household access, from pending to its end."""

    id: str
    status: GrantStatus
    track: TrackId
    role_id: str
    location_kind: LocationKind
    location_id: str
    location_name: str
    rights: list[Right]
    policy_version: str
    requirements_met_at: AwareDatetime
    pending_since: AwareDatetime
    active_by: date
    activated_at: AwareDatetime | None = None
    valid_through: date | None = None
    expires_at: AwareDatetime | None = None
    renewed_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None
    # The staff member's reset instant before this grant expired, restored if a late-reported
    # quiz reinstates the grant.
    reset_before_expiry: AwareDatetime | None = None
    end_reason: str | None = None


class StaffFacts(_Frozen):
    """Everything the rules need about one staff member at one moment."""

    employee_id: str
    name: str
    email: str | None = None
    employment_status: EmploymentStatus
    assignment: Assignment | None = None
    completions: list[Completion] = []
    quizzes: list[Completion] = []
    approvals: list[ApprovalRecord] = []
    grant: Grant | None = None
    # Completions dated before this instant no longer count (set on expiry and departure).
    requirements_reset_at: AwareDatetime | None = None


class Transition(_Frozen):
    """One change to a grant, with why and under which policy, ready to store and audit."""

    grant: Grant
    from_status: GrantStatus | None
    to_status: GrantStatus
    reason: str
    at: datetime
    policy_version: str
    # Expiry is a loss: completions before it stop counting. A reinstatement restores the
    # earlier instant. When `sets_reset`, the staff member's reset instant becomes `reset_at`.
    sets_reset: bool = False
    reset_at: datetime | None = None
