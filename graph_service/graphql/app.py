"""The strawberry ASGI app, with a context built fresh for every request."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from graph_service.errors import ServiceError, Unauthenticated
from graph_service.graphql.context import Context
from graph_service.graphql.trusted_documents import TrustedDocuments, may_run_ad_hoc


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, *args: Any, trusted: TrustedDocuments | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.trusted = trusted

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,  # strawberry's request adapter
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Run the request's document, or refuse it before parsing when only registered
        documents may run and this is not one of them."""
        if self.trusted is not None:
            development = context.settings.env == "development"
            ad_hoc = may_run_ad_hoc(context.principal, development=development)
            try:
                request_data.query = self.trusted.document_for(
                    request_data.query, request_data.extensions, ad_hoc=ad_hoc
                )
            except ServiceError as error:
                extensions: dict[str, Any] = {"code": error.code}
                if error.field is not None:
                    extensions["field"] = error.field
                return ExecutionResult(
                    data=None, errors=[GraphQLError(error.message, extensions=extensions)]
                )
        return await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )

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
