"""The one access gate of a request: who is calling, and what they may do to what.

Built once per request for a verified caller (graphql/context.py builds it; a script or a
test may build its own). Mutations ask it for the caller's grant (`caller`, read once per
request, never across requests, so a revocation is seen by the very next request), for a
right (`require`) and for the scope of the ids they name (`targets`); the compiled reads
and the steward views read the grant inside their own statement and ask the gate for the
verdict on it (`admit`). The verdict is always `services.access_decision`'s; the scope
rule is always the Cypher of `cypher/fragments/` (nothing here restates either).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from graph_service.access.decision import CallerGrant, Decision
from graph_service.access.policy import Right
from graph_service.db.scope import write_targets_in_scope
from graph_service.errors import Forbidden, NotFound
from graph_service.observability.metrics import ACCESS_DENIALS
from graph_service.services.access_decision import load_caller, queue_not_shown, require_grant
from graph_service.services.context import UseCaseContext
from graph_service.services.read_audit import ReadAudit
from graph_service.services.runtime import Runtime


@dataclass(frozen=True)
class WriteTarget:
    """An id a write names, as the caller named it, and what it must be."""

    kind: str  # "Household", "Person", "Relationship" or "Enrollment"
    raw_id: str
    # Also admit a person with no current household and no enrolment (someone just
    # created, being added to a household).
    may_be_unplaced: bool = False


async def admit(
    runtime: Runtime,
    caller: CallerGrant,
    right: Right,
    *,
    operation: str,
    at: datetime | None = None,
    district_wide: str | None = None,
) -> Decision:
    """The verdict on `caller`'s grant (as a statement read it, or as the gate loaded it):
    `right` now; a denial is audited and FORBIDDEN. `district_wide` is the refusal's message
    where only a district-wide grant will do."""
    decision = await require_grant(runtime, caller, right, operation=operation, at=at)
    if district_wide is not None and not caller.district_wide:
        ACCESS_DENIALS.labels("not_district_wide").inc()
        raise Forbidden(district_wide)
    return decision


@dataclass
class AccessGate:
    """One verified caller's gate within one request."""

    runtime: Runtime
    read_audit: ReadAudit
    employee_id: str
    _caller: CallerGrant | None = field(default=None, init=False)

    async def caller(self) -> CallerGrant:
        """The caller's grant, read once per request (the compiled reads check the grant
        inside their own statement instead)."""
        if self._caller is None:
            self._caller = await load_caller(self.runtime, self.employee_id)
        return self._caller

    async def require(
        self, right: Right, *, operation: str, district_wide: str | None = None
    ) -> Decision:
        """The grant-level decision (no objects yet); a denial is audited and FORBIDDEN."""
        caller = await self.caller()
        return await admit(
            self.runtime, caller, right, operation=operation, district_wide=district_wide
        )

    async def admit(
        self,
        caller: CallerGrant,
        right: Right,
        *,
        operation: str,
        at: datetime,
        district_wide: str | None = None,
    ) -> Decision:
        """The verdict on the grant a read's own statement returned for this caller."""
        return await admit(
            self.runtime, caller, right, operation=operation, at=at, district_wide=district_wide
        )

    async def targets(self, right: Right, targets: list[WriteTarget], *, operation: str) -> None:
        """Refuse a write unless every target is in the caller's scope, by the rules of
        `cypher/fragments/` in one statement (`scope/write_targets_in_scope`). A target out of
        scope answers exactly as a missing one: NOT_FOUND."""
        if not targets:
            return
        caller = await self.caller()
        found = await write_targets_in_scope(
            self.runtime.driver,
            targets=[(target.raw_id, target.kind) for target in targets],
            school_ids=None if caller.district_wide else caller.school_ids,
            on_date=self.runtime.today(),
            database=self.runtime.database,
        )
        for target in targets:
            seen = found.get((target.raw_id, target.kind))
            allowed = (
                seen is not None
                and seen.named
                and (seen.in_scope or (target.may_be_unplaced and seen.unplaced))
            )
            if not allowed:
                self.not_shown(caller, right, [target.raw_id], operation=operation)
                raise NotFound(target.kind, target.raw_id)

    def not_shown(
        self, caller: CallerGrant, right: Right, ids: list[str], *, operation: str
    ) -> None:
        """Queue the audit of ids the request named and does not get (missing and out of
        scope alike)."""
        queue_not_shown(
            self.read_audit, self.runtime, caller=caller, right=right, ids=ids,
            operation=operation,
        )  # fmt: skip

    def use_case(self, audit: list[dict[str, Any]] | None = None) -> UseCaseContext:
        """What a household use case runs with, acting as the caller; `audit` entries are
        written in the use case's own transaction."""
        return UseCaseContext(self.runtime, self.employee_id, audit=tuple(audit or ()))
