"""A staff member's household access, explained; and audit entries."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import strawberry

from graph_service.access.status import RIGHT_NAMES
from graph_service.access.status import AccessStatus as AccessStatusModel
from graph_service.graphql.authorization import guarded_by_parent


@guarded_by_parent
@strawberry.type(description="One requirement of the access checklist.")
class Requirement:
    key: str
    label: str
    met: bool
    evidence_at: datetime | None = strawberry.field(description="When it was met, if it was.")
    note: str | None


@guarded_by_parent
@strawberry.type(description="Who to contact about household access.")
class SupportContact:
    name: str
    email: str
    phone: str | None
    url: str | None


@guarded_by_parent
@strawberry.type(
    description="Household access of one staff member: status, checklist, dates, next steps."
)
class AccessStatus:
    employee_id: str
    name: str
    as_of: datetime
    status: str = strawberry.field(description="active, pending, none, expired or revoked.")
    track: str | None
    location: str | None
    rights: list[str] = strawberry.field(description="Read, Write, Add, Delete.")
    scope: str | None
    checklist: list[Requirement]
    granted_on: date | None
    active_since: date | None
    active_by: date | None = strawberry.field(description="The latest day a pending grant is due.")
    valid_through: date | None
    expires_at: datetime | None
    quiz_window_opens: date | None
    quiz_due: date | None
    quiz_completed_on: date | None
    lost_on: date | None
    lost_reason: str | None
    next_steps: list[str]
    support: SupportContact
    policy_version: str

    @classmethod
    def from_model(cls, status: AccessStatusModel) -> AccessStatus:
        return cls(
            employee_id=status.employee_id,
            name=status.name,
            as_of=status.as_of,
            status=status.status,
            track=status.track,
            location=status.location,
            rights=[RIGHT_NAMES[right] for right in status.rights],
            scope=status.scope,
            checklist=[
                Requirement(
                    key=item.key,
                    label=item.label,
                    met=item.met,
                    evidence_at=item.evidence_at,
                    note=item.note,
                )
                for item in status.checklist
            ],
            granted_on=status.granted_on,
            active_since=status.active_since,
            active_by=status.active_by,
            valid_through=status.valid_through,
            expires_at=status.expires_at,
            quiz_window_opens=status.quiz_window_opens,
            quiz_due=status.quiz_due,
            quiz_completed_on=status.quiz_completed_on,
            lost_on=status.lost_on,
            lost_reason=status.lost_reason,
            next_steps=status.next_steps,
            support=SupportContact(
                name=status.support.name,
                email=status.support.email,
                phone=status.support.phone,
                url=status.support.url,
            ),
            policy_version=status.policy_version,
        )


@guarded_by_parent
@strawberry.type(description="One entry of the append-only audit trail.")
class AuditEvent:
    id: str
    kind: str
    at: datetime
    actor: str
    details: str = strawberry.field(description="The entry's other facts, as a JSON object.")

    @classmethod
    def from_entry(cls, entry: dict[str, Any]) -> AuditEvent:
        core = {"id", "kind", "at", "actor"}
        details = {key: value for key, value in entry.items() if key not in core}
        return cls(
            id=entry["id"],
            kind=entry["kind"],
            at=entry["at"],
            actor=entry["actor"],
            details=json.dumps(details, default=str, sort_keys=True),
        )
