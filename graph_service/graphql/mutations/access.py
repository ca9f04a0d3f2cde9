"""Platform operations: feed events, approvals and the provisioning sweep."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from pydantic import ValidationError

from graph_service.access.events import AccessEventIn, EventType
from graph_service.access.facts import GrantStatus
from graph_service.auth.principal import PlatformRole
from graph_service.errors import BadInput
from graph_service.graphql.authorization import (
    AccessAdministrator,
    AccessAdministratorOrFeed,
    Authenticated,
    IntegrationFeed,
    guarded_by_parent,
)
from graph_service.graphql.context import Info
from graph_service.graphql.ids import input_data
from graph_service.services.access_events import record_batch, record_event
from graph_service.services.sweep_lease import sweep_now

EventTypeEnum = strawberry.enum(EventType, name="AccessEventType")
MAX_BATCH_BYTES = 5_000_000


@strawberry.enum
class BatchFormat(Enum):
    CSV = "csv"
    JSONL = "jsonl"


@strawberry.input(description="One event from the learning system or HR (or an approval).")
class AccessEventInput:
    type: EventTypeEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    employee_id: str
    source: str
    occurred_at: datetime
    key: str | None = strawberry.field(
        default=None, description="The feed's idempotency key; replaying it changes nothing."
    )
    course_id: str | None = None
    school_id: str | None = None
    approver_id: str | None = None
    approver_role: str | None = None
    role_id: str | None = None
    location_id: str | None = None
    name: str | None = None
    email: str | None = None


@guarded_by_parent
@strawberry.type(description="What an event did.")
class AccessEventResult:
    key: str
    duplicate: bool = strawberry.field(description="True when this key was seen before.")
    transitions: list[str] = strawberry.field(description='E.g. "none -> pending: ...".')


@guarded_by_parent
@strawberry.type(description="A feed row that was refused, with why.")
class RejectedRow:
    line: int
    reason: str


@guarded_by_parent
@strawberry.type(description="A feed row that repeats an event and changed nothing.")
class DuplicateRow:
    line: int
    repeats: int | None = strawberry.field(
        description="The line of this file it repeats; null when it repeats an event "
        "recorded from an earlier delivery."
    )


@guarded_by_parent
@strawberry.type
class BatchResult:
    applied: int
    duplicates: int
    duplicate_rows: list[DuplicateRow]
    rejected: list[RejectedRow]


@guarded_by_parent
@strawberry.type
class ProvisioningResult:
    as_of: datetime
    activated: int
    expired: int
    quiz_due: list[str] = strawberry.field(description="Employee ids whose quiz is due soon.")
    sla_breaches: list[str] = strawberry.field(description="Employee ids pending too long.")


def _event(data: dict[str, object]) -> AccessEventIn:
    try:
        return AccessEventIn.model_validate(data)
    except ValidationError as error:
        raise BadInput.from_validation_error(error) from None


async def _apply(info: Info, event: AccessEventIn) -> AccessEventResult:
    outcome = await record_event(info.context.runtime, event)
    return AccessEventResult(
        key=outcome.key,
        duplicate=outcome.duplicate,
        transitions=[
            f"{t.from_status.value if t.from_status else 'none'} -> {t.to_status.value}: {t.reason}"
            for t in outcome.transitions
        ],
    )


@strawberry.type
class AccessMutations:
    @strawberry.mutation(
        description="Record one event from a feed (course or quiz completed, HR changes).",
        permission_classes=[AccessAdministratorOrFeed],
    )
    async def record_access_event(self, info: Info, input: AccessEventInput) -> AccessEventResult:
        return await _apply(info, _event(input_data(input)))

    @strawberry.mutation(
        description="Apply a feed file (CSV or JSON lines); bad rows are reported with their "
        "line and reason and never stop the good ones.",
        permission_classes=[IntegrationFeed],
    )
    async def ingest_access_events(
        self, info: Info, content: str, format: BatchFormat
    ) -> BatchResult:
        if len(content.encode()) > MAX_BATCH_BYTES:
            raise BadInput("content", f"send at most {MAX_BATCH_BYTES} bytes per batch")
        report = await record_batch(info.context.runtime, content, format.value)
        return BatchResult(
            applied=report.applied,
            duplicates=report.duplicates,
            duplicate_rows=[
                DuplicateRow(line=d.line, repeats=d.repeats) for d in report.duplicate_rows
            ],
            rejected=[RejectedRow(line=r.line, reason=r.reason) for r in report.rejected],
        )

    @strawberry.mutation(
        description="Approve household access for a staff member at a school: as that "
        "school's principal, or as an access administrator.",
        permission_classes=[Authenticated],
    )
    async def approve_household_access(
        self, info: Info, employee_id: str, school_id: str
    ) -> AccessEventResult:
        principal = info.context.require_principal()
        admin = principal.has_role(PlatformRole.ACCESS_ADMIN)
        event = _event(
            {
                "type": EventType.APPROVAL_GIVEN,
                "employee_id": employee_id,
                "source": "graphql",
                "occurred_at": info.context.runtime.now(),
                "school_id": school_id,
                "approver_id": principal.employee_id,
                "approver_role": "access-administrator" if admin else "principal",
            }
        )
        return await _apply(info, event)

    @strawberry.mutation(
        description="Run the provisioning sweep now: activate, expire, list quizzes due.",
        permission_classes=[AccessAdministrator],
    )
    async def run_provisioning(self, info: Info) -> ProvisioningResult:
        # Waits briefly for a sweep another replica is running; CONFLICT when it lasts longer.
        report = await sweep_now(info.context.runtime, wait_seconds=10)
        return ProvisioningResult(
            as_of=report.as_of,
            activated=report.count(GrantStatus.ACTIVE),
            expired=report.count(GrantStatus.EXPIRED),
            quiz_due=[due.employee_id for due in report.quiz_due],
            sla_breaches=[breach.employee_id for breach in report.sla_breaches],
        )
