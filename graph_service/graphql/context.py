"""What every resolver receives: who is calling, the request's caches, and the runtime."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncDriver
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from graph_service.access.decision import CallerGrant
from graph_service.auth.principal import Principal
from graph_service.domain.relationship_types import RelationshipTypeCatalogue
from graph_service.errors import Unauthenticated
from graph_service.graphql.heavy_work import HeavyWork
from graph_service.services.access_decision import load_caller
from graph_service.services.access_runtime import AccessRuntime
from graph_service.services.compiled_reads import Reader
from graph_service.services.context import UseCaseContext
from graph_service.services.read_audit import ReadAudit
from graph_service.services.steward_gate import DistrictView
from graph_service.settings import Settings


@dataclass
class Context:
    """Built fresh for each request; nothing here outlives it."""

    request: Request | WebSocket
    response: Response | None
    settings: Settings
    runtime: AccessRuntime
    read_audit: ReadAudit
    principal: Principal | None
    auth_error: Unauthenticated | None
    catalogue: RelationshipTypeCatalogue
    # Where a large document is parsed and checked (none: in this process, as in unit tests).
    heavy_work: HeavyWork | None = None
    _caller: CallerGrant | None = field(default=None, init=False)

    @property
    def driver(self) -> AsyncDriver:
        return self.runtime.driver

    def require_principal(self) -> Principal:
        """The verified caller, or UNAUTHENTICATED."""
        if self.principal is None:
            raise self.auth_error or Unauthenticated("a bearer token is required")
        return self.principal

    async def caller(self) -> CallerGrant:
        """The caller's household grant, read once per mutation request (never across
        requests, so a revocation is seen by the very next request). Reads check the grant
        inside their own statement instead (`reader`)."""
        if self._caller is None:
            self._caller = await load_caller(self.runtime, self.require_principal().employee_id)
        return self._caller

    @property
    def caller_if_loaded(self) -> CallerGrant | None:
        """The caller's grant when this request already read it (no database trip)."""
        return self._caller

    def reader(self, operation: str) -> Reader:
        """The caller's compiled reads for one root field (UNAUTHENTICATED without a token)."""
        return Reader(
            runtime=self.runtime,
            read_audit=self.read_audit,
            catalogue=self.catalogue,
            employee_id=self.require_principal().employee_id,
            operation=operation,
        )

    def district_view(self, operation: str) -> DistrictView:
        """The caller's steward view for one root field (UNAUTHENTICATED without a token)."""
        return DistrictView(
            runtime=self.runtime,
            employee_id=self.require_principal().employee_id,
            operation=operation,
        )

    def use_case(self, audit: list[dict[str, Any]] | None = None) -> UseCaseContext:
        """What a household use case runs with, acting as the caller; `audit` entries are
        written in the use case's own transaction."""
        return UseCaseContext(
            driver=self.runtime.driver,
            database=self.runtime.database,
            actor_id=self.require_principal().employee_id,
            clock=self.runtime.clock,
            zone=self.runtime.policy.zone,
            audit=tuple(audit or ()),
        )


Info = StrawberryInfo[Context, None]
