"""A staff member's access timeline: each grant, when it became pending, active, renewed,
expired or revoked, and why (from the grant transitions the audit trail records)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from graph_service.access.facts import GrantStatus, Transition
from graph_service.access.policy import Policy, TrackId

ChangeKind = Literal["pending", "active", "renewed", "reinstated", "expired", "revoked"]


class GrantChange(BaseModel):
    """One transition of one grant."""

    model_config = ConfigDict(frozen=True)

    kind: ChangeKind
    effective_at: datetime
    recorded_at: datetime | None  # None: due now, not yet recorded by a sweep or an event
    reason: str
    actor: str | None
    policy_version: str


class GrantHistory(BaseModel):
    model_config = ConfigDict(frozen=True)

    grant_id: str
    track: str
    location: str
    status: str  # as of the answer (a due expiry included)
    changes: list[GrantChange]


class AccessHistory(BaseModel):
    model_config = ConfigDict(frozen=True)

    employee_id: str
    name: str
    as_of: datetime
    grants: list[GrantHistory]


def change_kind(from_status: str | None, to_status: str) -> ChangeKind:
    """What a transition means for the person: an active grant renewed in place, an expired
    one reinstated by a quiz reported late, or the plain new status."""
    if to_status == GrantStatus.ACTIVE and from_status == GrantStatus.ACTIVE:
        return "renewed"
    if to_status == GrantStatus.ACTIVE and from_status == GrantStatus.EXPIRED:
        return "reinstated"
    return GrantStatus(to_status).value


def _recorded(change: dict[str, Any]) -> GrantChange:
    return GrantChange(
        kind=change_kind(change.get("fromStatus"), change["toStatus"]),
        effective_at=change.get("effectiveAt") or change["at"],
        recorded_at=change["at"],
        reason=change.get("reason") or "",
        actor=change.get("actor"),
        policy_version=change.get("policyVersion") or "",
    )


def _due(transition: Transition) -> GrantChange:
    return GrantChange(
        kind=change_kind(
            transition.from_status.value if transition.from_status else None,
            transition.to_status.value,
        ),
        effective_at=transition.at,
        recorded_at=None,
        reason=transition.reason,
        actor=None,
        policy_version=transition.policy_version,
    )


def build_history(
    employee_id: str,
    name: str,
    grants: list[dict[str, Any]],
    due: list[Transition],
    policy: Policy,
    now: datetime,
) -> AccessHistory:
    """Recorded grants in the order they began, each with its changes; `due` are the
    transitions the engine finds due at `now` that nothing has recorded yet (an expiry
    before the next sweep), marked unrecorded."""
    histories: list[GrantHistory] = []
    due_by_grant: dict[str, list[Transition]] = {}
    for transition in due:
        due_by_grant.setdefault(transition.grant.id, []).append(transition)
    known = {grant["id"] for grant in grants}
    rows = grants + [
        {
            "id": t.grant.id,
            "track": t.grant.track.value,
            "locationName": t.grant.location_name,
            "status": t.grant.status.value,
            "changes": [],
        }
        for t in due
        if t.grant.id not in known and t.from_status is None
    ]
    for row in rows:
        pending = due_by_grant.get(row["id"], [])
        changes = [_recorded(change) for change in row["changes"]]
        changes += [_due(t) for t in pending]
        histories.append(
            GrantHistory(
                grant_id=row["id"],
                track=policy.track(TrackId(row["track"])).label,
                location=row.get("locationName") or "",
                status=pending[-1].to_status.value if pending else row["status"],
                changes=changes,
            )
        )
    return AccessHistory(employee_id=employee_id, name=name, as_of=now, grants=histories)
