"""Root fields of access history (issue 13): a staff member's status at any instant, their
grants' timeline, and the access record of a household or a person (who read or changed it,
and whether they were entitled then)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import strawberry

from graph_service.auth.principal import PlatformRole
from graph_service.domain.date_range import out_of_range
from graph_service.errors import BadInput, Forbidden
from graph_service.graphql.authorization import Rule, require_district_reader
from graph_service.graphql.connections import Connection, Edge, PageInfo
from graph_service.graphql.context import Info
from graph_service.graphql.ids import raw_id
from graph_service.graphql.types.access import AccessStatus
from graph_service.graphql.types.access_history import AccessHistory
from graph_service.graphql.types.access_log import AccessLogEntry
from graph_service.observability.metrics import ACCESS_DENIALS
from graph_service.services.access_history import get_access_history
from graph_service.services.access_log import access_log_page, cursor_of
from graph_service.services.access_status import get_access_status


class AccessAdministratorOrSelf(Rule):
    """Like `myAccess`, a staff member may read their own access; anyone else's needs the
    access-admin role."""

    describe = "the access-admin platform role, or the staff member themself"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal = info.context.require_principal()
        if principal.has_role(PlatformRole.ACCESS_ADMIN):
            return True
        if kwargs.get("employee_id") == principal.employee_id:
            return True
        ACCESS_DENIALS.labels("missing_platform_role").inc()
        raise Forbidden(
            'another staff member\'s access needs the "access-admin" platform role; '
            "ask `myAccess` for your own"
        )


class AccessAdministratorOrSteward(Rule):
    """The access record of a household is for access administrators and for stewards
    (a district-wide grant with Read, as for the steward views)."""

    describe = "the access-admin platform role, or an active district-wide grant with Read"

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        if info.context.require_principal().has_role(PlatformRole.ACCESS_ADMIN):
            return True
        await require_district_reader(info, operation=info.field_name)
        return True


def instant(info: Info, value: datetime | None, field: str) -> datetime | None:
    """An instant from the API: without an offset it is district time; out of range refused."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=info.context.runtime.policy.zone)
    if reason := out_of_range(value.date()):
        raise BadInput(field, reason)
    return value


@strawberry.type
class AccessHistoryQueries:
    @strawberry.field(
        description="A staff member's household access now or, with `asOf`, as it stood at "
        "that instant (from the history kept: later events do not change it). Access "
        "administrators, or the staff member themself.",
        permission_classes=[AccessAdministratorOrSelf],
    )
    async def access_status(
        self, info: Info, employee_id: str, as_of: datetime | None = None
    ) -> AccessStatus:
        at = instant(info, as_of, "asOf")
        status = await get_access_status(info.context.runtime, employee_id, as_of=at)
        return AccessStatus.from_model(status)

    @strawberry.field(
        description="Each household access grant of a staff member with when it became "
        "pending, active, renewed, expired or revoked, and why. Access administrators, or "
        "the staff member themself.",
        permission_classes=[AccessAdministratorOrSelf],
    )
    async def access_history(self, info: Info, employee_id: str) -> AccessHistory:
        history = await get_access_history(info.context.runtime, employee_id)
        return AccessHistory.from_model(history)

    @strawberry.field(
        description="Who read or changed a household (and its members, past and present) or a "
        "person, when, through which operation, and whether their grant entitled them to it "
        "at that instant; oldest first, `from` inclusive and `to` exclusive. Give exactly "
        "one of householdId and personId. Access administrators and stewards.",
        permission_classes=[AccessAdministratorOrSteward],
    )
    async def access_log(
        self,
        info: Info,
        household_id: strawberry.ID | None = None,
        person_id: strawberry.ID | None = None,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[AccessLogEntry]:
        if (household_id is None) == (person_id is None):
            raise BadInput("householdId", "give exactly one of householdId and personId")
        kind: Literal["Household", "Person"] = "Household" if household_id else "Person"
        page = await access_log_page(
            info.context.runtime,
            kind=kind,
            subject_id=raw_id(str(household_id or person_id)),
            start=instant(info, from_, "from"),
            end=instant(info, to, "to"),
            first=first,
            after=after,
        )
        edges = [
            Edge(cursor=cursor_of(entry), node=AccessLogEntry.from_model(entry))
            for entry in page.items
        ]
        return Connection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.next_cursor is not None, end_cursor=page.next_cursor
            ),
        )
