"""One entry of a household's or a person's access record."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph_service.access.access_log import AccessLogEntry as AccessLogEntryModel
from graph_service.graphql.authorization import guarded_by_parent


@guarded_by_parent
@strawberry.type(
    description="A read or change of a household or person: who, when, through which "
    "operation, and whether their grant entitled them to it at that instant."
)
class AccessLogEntry:
    entry_id: str = strawberry.field(description="The audit entry's id.")
    at: datetime
    actor: str = strawberry.field(description="The staff member's employee id.")
    operation: str = strawberry.field(description="The API field or mutation used.")
    action: str = strawberry.field(description="read or change.")
    right: str = strawberry.field(description="R, W, A or D.")
    allowed: bool = strawberry.field(description="Whether the service allowed it then.")
    entitled: bool = strawberry.field(
        description="Whether the actor's grant, as it stood at that instant, covered it."
    )
    entitlement: str = strawberry.field(description="Why, or why not.")
    subject_ids: list[str] = strawberry.field(
        description="The household's or its members' raw ids the entry names."
    )
    policy_version: str

    @classmethod
    def from_model(cls, entry: AccessLogEntryModel) -> AccessLogEntry:
        return cls(
            entry_id=entry.entry_id,
            at=entry.at,
            actor=entry.actor,
            operation=entry.operation,
            action=entry.action,
            right=entry.right,
            allowed=entry.allowed,
            entitled=entry.entitled,
            entitlement=entry.entitlement,
            subject_ids=entry.subject_ids,
            policy_version=entry.policy_version,
        )
