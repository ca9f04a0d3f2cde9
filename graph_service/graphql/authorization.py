"""Every field declares who may use it; household data also passes the one access decision.

Root fields carry a `Rule` in `permission_classes`. Object types reached only through an
authorized parent are marked with `@guarded_by_parent`; a test walks the schema and fails for
any field that is neither. The rules ask the request's one access gate
(`services/access_gate.py`), whose verdict is `services.access_decision`'s: nothing here
re-implements a rule.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from strawberry.permission import BasePermission

from graph_service.access.decision import Decision
from graph_service.access.policy import Right
from graph_service.auth.principal import PlatformRole
from graph_service.errors import Forbidden
from graph_service.graphql.context import Info
from graph_service.observability.metrics import ACCESS_DENIALS

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
    mutation through the access gate's `targets`."""

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
    return await info.context.gate().require(
        Right.READ,
        operation=operation,
        district_wide="this needs a district-wide (central office) grant with Read",
    )


async def require_right(info: Info, right: Right, *, operation: str) -> Decision:
    """The grant-level decision (no objects yet); a denial is audited and FORBIDDEN."""
    return await info.context.gate().require(right, operation=operation)
