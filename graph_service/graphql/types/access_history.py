"""A staff member's access timeline: grants and their transitions."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph_service.access.history import AccessHistory as AccessHistoryModel
from graph_service.access.history import GrantChange as GrantChangeModel
from graph_service.access.history import GrantHistory as GrantHistoryModel
from graph_service.graphql.authorization import guarded_by_parent


@guarded_by_parent
@strawberry.type(description="One transition of a grant, and why.")
class GrantChange:
    kind: str = strawberry.field(
        description="pending, active, renewed, reinstated, expired or revoked."
    )
    effective_at: datetime = strawberry.field(description="When it took effect.")
    recorded_at: datetime | None = strawberry.field(
        description="When the service recorded it; null for a change due now that the next "
        "sweep will record (an expiry)."
    )
    reason: str
    actor: str | None = strawberry.field(description="Who or what made the change.")
    policy_version: str

    @classmethod
    def from_model(cls, change: GrantChangeModel) -> GrantChange:
        return cls(
            kind=change.kind,
            effective_at=change.effective_at,
            recorded_at=change.recorded_at,
            reason=change.reason,
            actor=change.actor,
            policy_version=change.policy_version,
        )


@guarded_by_parent
@strawberry.type(description="One household access grant from pending to its end.")
class GrantHistory:
    grant_id: str
    track: str
    location: str
    status: str = strawberry.field(description="Its status now.")
    changes: list[GrantChange]

    @classmethod
    def from_model(cls, grant: GrantHistoryModel) -> GrantHistory:
        return cls(
            grant_id=grant.grant_id,
            track=grant.track,
            location=grant.location,
            status=grant.status,
            changes=[GrantChange.from_model(change) for change in grant.changes],
        )


@guarded_by_parent
@strawberry.type(description="A staff member's household access grants, oldest first.")
class AccessHistory:
    employee_id: str
    name: str
    as_of: datetime
    grants: list[GrantHistory]

    @classmethod
    def from_model(cls, history: AccessHistoryModel) -> AccessHistory:
        return cls(
            employee_id=history.employee_id,
            name=history.name,
            as_of=history.as_of,
            grants=[GrantHistory.from_model(grant) for grant in history.grants],
        )
