"""What every resolver receives: who is calling, the request's caches, and the runtime."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from graph_service.auth.principal import Principal
from graph_service.errors import Unauthenticated
from graph_service.graphql.heavy_work import HeavyWork
from graph_service.services.access_gate import AccessGate
from graph_service.services.compiled_reads import Reader
from graph_service.services.read_audit import ReadAudit
from graph_service.services.runtime import Runtime
from graph_service.services.steward_gate import DistrictView


@dataclass
class Context:
    """Built fresh for each request; nothing here outlives it but the runtime."""

    request: Request | WebSocket
    response: Response | None
    runtime: Runtime
    read_audit: ReadAudit
    principal: Principal | None
    auth_error: Unauthenticated | None
    # Where a large document is parsed and checked (none: in this process, as in unit tests).
    heavy_work: HeavyWork | None = None
    _gate: AccessGate | None = field(default=None, init=False)

    def require_principal(self) -> Principal:
        """The verified caller, or UNAUTHENTICATED."""
        if self.principal is None:
            raise self.auth_error or Unauthenticated("a bearer token is required")
        return self.principal

    def gate(self) -> AccessGate:
        """The request's one access gate (UNAUTHENTICATED without a token)."""
        if self._gate is None:
            employee_id = self.require_principal().employee_id
            self._gate = AccessGate(self.runtime, self.read_audit, employee_id)
        return self._gate

    def reader(self, operation: str) -> Reader:
        """The caller's compiled reads for one root field (UNAUTHENTICATED without a token)."""
        return Reader(self.gate(), operation)

    def district_view(self, operation: str) -> DistrictView:
        """The caller's steward view for one root field (UNAUTHENTICATED without a token)."""
        return DistrictView(self.runtime, self.gate().employee_id, operation)


Info = StrawberryInfo[Context, None]
