"""The strawberry ASGI app, with a context built fresh for every request."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from graph_service.errors import Unauthenticated
from graph_service.graphql.context import Context


class GraphQLApp(GraphQL[Context, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        state: Any = request.app.state
        principal, auth_error = None, None
        try:
            principal = state.verifier.principal_from_header(request.headers.get("authorization"))
        except Unauthenticated as error:
            auth_error = error
        runtime = state.runtime
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            settings=state.settings,
            runtime=runtime,
            read_audit=state.read_audit,
            principal=principal,
            auth_error=auth_error,
            catalogue=state.catalogue,
        )
