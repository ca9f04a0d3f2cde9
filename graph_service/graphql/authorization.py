"""Every field declares who may use it; household data also passes the one access decision.

Root fields carry a `Rule` in `permission_classes`. Object types reached only through an
authorized parent are marked with `@guarded_by_parent`; a test walks the schema and fails for
any field that is neither. The decision itself is `services.access_decision.decide`: nothing
here re-implements a rule, it only asks and records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from strawberry.permission import BasePermission

from graph_service.access.decision import Decision
from graph_service.access.policy import Right
from graph_service.auth.principal import PlatformRole
from graph_service.db.scope import targets_in_scope
from graph_service.errors import Forbidden, NotFound
from graph_service.graphql.context import Info
from graph_service.observability.metrics import ACCESS_DENIALS
from graph_service.services.access_decision import (
    queue_not_shown,
    require_grant,
)

T = TypeVar("T", bound=type)
_PARENT_GUARDED: set[type] = set()


def guarded_by_parent(cls: T) -> T:
    """Mark a type whose fields are only reachable through a field that authorized them."""
    _PARENT_GUARDED.add(cls)
    return cls


def is_guarded_by_parent(cls: type) -> bool:
    return cls in _PARENT_GUARDED


class Rule(BasePermission):
    """A declared authorization rule; `describe` says it in words for the docs and tests."""

    describe: ClassVar[str]


class Anyone(Rule):
    describe = "no authentication needed (carries no household data)"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return True


class Authenticated(Rule):
    describe = "any authenticated caller"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_principal()
        return True


class _PlatformRule(Rule):
    role: ClassVar[PlatformRole]

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal = info.context.require_principal()
        if not principal.has_role(self.role):
            ACCESS_DENIALS.labels("missing_platform_role").inc()
            raise Forbidden(f'this operation needs the "{self.role.value}" platform role')
        return True


class AccessAdministrator(_PlatformRule):
    role = PlatformRole.ACCESS_ADMIN
    describe = "the access-admin platform role"


class IntegrationFeed(_PlatformRule):
    role = PlatformRole.INTEGRATION_FEED
    describe = "the integration-feed platform role"


class AccessAdministratorOrFeed(Rule):
    describe = "the access-admin or integration-feed platform role"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal = info.context.require_principal()
        if not (
            principal.has_role(PlatformRole.ACCESS_ADMIN)
            or principal.has_role(PlatformRole.INTEGRATION_FEED)
        ):
            ACCESS_DENIALS.labels("missing_platform_role").inc()
            raise Forbidden('this operation needs the "access-admin" or "integration-feed" role')
        return True


class _HouseholdRight(Rule):
    """An active household grant with this right; the objects' scope is checked by the
    mutation through `authorize_targets`."""

    right: ClassVar[Right]

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        await require_right(info, self.right, operation=info.field_name)
        return True


class CompiledRead(Rule):
    """A read compiled into one statement (services/compiled_reads.py): the statement reads
    the caller's grant and checks every object's scope; the one decision then refuses a
    grant without Read (FORBIDDEN, audited). Here only a verified caller is required."""

    describe = (
        "an active household grant with Read, objects in its scope (checked inside the "
        "read's one statement)"
    )

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_principal()
        return True


class CanWrite(_HouseholdRight):
    right = Right.WRITE
    describe = "an active household grant with Write, objects in its scope"


class CanAdd(_HouseholdRight):
    right = Right.ADD
    describe = "an active household grant with Add, objects in its scope"


class CanDelete(_HouseholdRight):
    right = Right.DELETE
    describe = "an active household grant with Delete, objects in its scope"


class DistrictReader(Rule):
    """The steward views look across the whole district, so they need a district-wide grant
    (a central-office team) with Read; a school's grant is refused even for its own data.
    The view's one statement reads the caller's grant and the one decision refuses it
    (services/steward_gate.py); here only a verified caller is required."""

    describe = (
        "an active district-wide household grant with Read (checked inside the view's one "
        "statement)"
    )

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_principal()
        return True


async def require_district_reader(info: Info, *, operation: str) -> Decision:
    """An active district-wide grant with Read, read on its own (for fields that are not a
    steward view's one statement); a denial is audited and FORBIDDEN."""
    decision = await require_right(info, Right.READ, operation=operation)
    if not (await info.context.caller()).district_wide:
        ACCESS_DENIALS.labels("not_district_wide").inc()
        raise Forbidden("this needs a district-wide (central office) grant with Read")
    return decision


async def require_right(info: Info, right: Right, *, operation: str) -> Decision:
    """The grant-level decision (no objects yet); a denial is audited and FORBIDDEN."""
    context = info.context
    return await require_grant(context.runtime, await context.caller(), right, operation=operation)


@dataclass(frozen=True)
class WriteTarget:
    """An id a write names, as the caller named it, and what it must be."""

    kind: str  # "Household", "Person", "Relationship" or "Enrollment"
    raw_id: str
    # Also admit a person with no current household and no enrolment (someone just
    # created, being added to a household).
    may_be_unplaced: bool = False


async def authorize_targets(
    info: Info, right: Right, targets: list[WriteTarget], *, operation: str
) -> None:
    """Refuse a write unless every target is in the caller's scope.

    A household must be in scope; a person through their household or school; a
    relationship through either of its people; an enrolment through its person: one
    statement answers for all of them by the rules in `cypher/fragments/`. A target out of
    scope answers exactly as a missing one: NOT_FOUND.
    """
    if not targets:
        return
    context = info.context
    caller = await context.caller()
    found = await targets_in_scope(
        context.driver,
        ids=[target.raw_id for target in targets],
        school_ids=None if caller.district_wide else caller.school_ids,
        on_date=context.runtime.today(),
        database=context.runtime.database,
    )
    for target in targets:
        seen = found.get(target.raw_id)
        allowed = (
            seen is not None
            and seen.names(target.kind)
            and (seen.in_scope or (target.may_be_unplaced and seen.unplaced))
        )
        if not allowed:
            context = info.context
            queue_not_shown(
                context.read_audit, context.runtime, caller=caller, right=right,
                ids=[target.raw_id], operation=operation,
            )  # fmt: skip
            raise NotFound(target.kind, target.raw_id)
