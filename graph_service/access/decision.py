"""The household access decision: may this caller use this right on these households now?

The caller's grant is read once per request (`CallerGrant`, never shared across requests), so
a revocation committed before a request starts is always seen by it. The rules here are pure;
the scope question for school-based grants is answered by the graph in one query.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict

from graph_service.access.as_of import local_iso
from graph_service.access.engine import rights_in_force
from graph_service.access.facts import Grant, GrantStatus, LocationKind
from graph_service.access.policy import Policy, Right


class CallerGrant(BaseModel):
    """The caller's household grant as read at the start of one request."""

    model_config = ConfigDict(frozen=True)

    employee_id: str
    employed: bool
    grant: Grant | None
    loaded_at: AwareDatetime

    @property
    def district_wide(self) -> bool:
        """True for a central-office grant, which covers every household."""
        return self.grant is not None and self.grant.location_kind is LocationKind.TEAM

    @property
    def school_ids(self) -> list[str]:
        """The schools whose households the grant covers (none for district-wide grants)."""
        if self.grant is None or self.district_wide:
            return []
        return [self.grant.location_id]


class Decision(BaseModel):
    """Allowed or not, why, and under which policy; for lists, which ids passed."""

    model_config = ConfigDict(frozen=True)

    allowed: bool
    reason: str
    policy_version: str
    right: Right
    allowed_ids: list[str] = []
    denied_ids: list[str] = []


def grant_denial(caller: CallerGrant, right: Right, at: datetime, policy: Policy) -> str | None:
    """Why the caller's grant itself does not allow `right` at `at`, or None when it does
    (scope is checked separately). Rights come from the policy in force, so narrowing a
    track's rights in a new policy version takes effect at once."""
    grant = caller.grant
    if not caller.employed:
        return "not an active staff member"
    if grant is None or grant.status is not GrantStatus.ACTIVE:
        return "no active household access grant"
    if grant.activated_at is None or at < grant.activated_at:
        return "the grant was not yet active at that instant"
    if grant.expires_at is None or at >= grant.expires_at:
        ended = local_iso(grant.expires_at, policy.zone) if grant.expires_at else "-"
        return f"the grant expired at {ended}"
    if right not in rights_in_force(grant, policy):
        return f"the grant does not include the {right.name.title()} right"
    return None


# The reasons above and the scope refusals (services/access_decision.py), each with a short
# name for metrics: the reasons carry instants and right names, too many values for a label.
_DENIAL_KINDS = (
    ("not an active staff member", "not_employed"),
    ("no active household access grant", "no_active_grant"),
    ("the grant was not yet active", "grant_not_yet_active"),
    ("the grant expired", "grant_expired"),
    ("the grant does not include", "right_not_granted"),
    ("household outside the grant's scope", "out_of_scope"),
    ("object outside the grant's scope", "out_of_scope"),
)


def denial_kind(reason: str) -> str:
    """The short name of a denial's reason ("other" for a reason not listed here)."""
    return next((kind for prefix, kind in _DENIAL_KINDS if reason.startswith(prefix)), "other")
