"""The strawberry ASGI app, with a context built fresh for every request and the request body
refused at the edge when it is too large or not text any field could hold."""

from __future__ import annotations

from contextvars import ContextVar
from functools import partial
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.schema.base import BaseSchema
from strawberry.types import ExecutionResult

from graph_service.db.availability import (
    Availability,
    Unavailable,
    WriteInFlight,
    write_in_flight,
)
from graph_service.db.bookmarks import parse_bookmarks, request_bookmarks
from graph_service.errors import ServiceError, Unauthenticated
from graph_service.graphql.context import Context
from graph_service.graphql.errors import drop_traceback, shape_error
from graph_service.graphql.heavy_work import HEAVY_BODY_BYTES, HeavyWork, TooSlow
from graph_service.graphql.request_body import (
    RefusedRequest,
    bounded_receive,
    decode_request_json,
)
from graph_service.graphql.trusted_documents import TrustedDocuments, may_run_ad_hoc
from graph_service.observability.current_request import current_request
from graph_service.observability.metrics import outcome_label
from graph_service.services.idempotency import DatabaseUnavailable, OutcomeUnknown
from graph_service.web.pages import graphiql_page

# The body this request decoded in the heavy-work process, for strawberry's own (synchronous)
# decode call.
_decoded_body: ContextVar[tuple[bytes, object] | None] = ContextVar("decoded_body", default=None)


def _has_idempotency_key(scope: Scope) -> bool:
    return any(name == b"idempotency-key" for name, _ in scope.get("headers", ()))


def _unavailable_response(outage: Unavailable, *, keyed: bool) -> Response:
    """503 with Retry-After, in GraphQL's error shape: the database did not answer, so the
    request did nothing, or, if its write was committing when the database went away, its
    outcome is unknown (a retry with the same Idempotency-Key resolves it)."""
    error = OutcomeUnknown(keyed=keyed) if outage.wrote else DatabaseUnavailable()
    extensions = {"code": error.code, "retryAfterSeconds": error.retry_after}
    return JSONResponse(
        {"data": None, "errors": [{"message": error.message, "extensions": extensions}]},
        status_code=503,
        headers={"Retry-After": str(error.retry_after)},
    )


class GraphQLApp(GraphQL[Context, None]):
    def __init__(
        self,
        schema: BaseSchema,
        *,
        max_body_bytes: int,
        heavy_work: HeavyWork | None = None,
        trusted: TrustedDocuments | None = None,
        **options: Any,
    ) -> None:
        super().__init__(schema, **options)
        self.max_body_bytes = max_body_bytes
        self.heavy_work = heavy_work
        self.trusted = trusted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        response: Response
        availability: Availability = scope["app"].state.availability
        in_flight = WriteInFlight()
        token = write_in_flight.set(in_flight)  # the request's task sees this very object
        try:
            bounded = bounded_receive(scope, receive, self.max_body_bytes)
            request = Request(scope=scope, receive=bounded)
            response = await availability.guard(partial(self.run, request), in_flight)
        except RefusedRequest as refused:
            _record_outcome("BAD_USER_INPUT")  # the code its response carries
            response = refused.response()
            drop_traceback(refused)
        except HTTPException as error:
            response = PlainTextResponse(error.reason, status_code=error.status_code)
            drop_traceback(error)
        except Unavailable as outage:
            _record_outcome("SERVICE_UNAVAILABLE")  # the code its response carries
            response = _unavailable_response(outage, keyed=_has_idempotency_key(scope))
            drop_traceback(outage)
        finally:
            write_in_flight.reset(token)
        await response(scope, receive, send)

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        # Our own page: strawberry's loads React and GraphiQL from a CDN, which a closed
        # network never reaches (web/pages.py serves them from the package).
        return graphiql_page()

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        if request.method == "POST" and "json" in (request.content_type or ""):
            body = await request.get_body()  # read once; strawberry's read gets it again
            if len(body) > HEAVY_BODY_BYTES and self.heavy_work is not None:
                try:
                    decoded = await self.heavy_work.run(decode_request_json, body)
                except TooSlow as slow:
                    raise RefusedRequest(
                        400, f"The request body could not be checked: its check {slow}."
                    ) from None
                token = _decoded_body.set((body, decoded))
                try:
                    return await super().parse_http_body(request)
                finally:
                    _decoded_body.reset(token)
        return await super().parse_http_body(request)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        # Errors raised before the operation's extensions could shape them (a document that
        # does not parse) are shaped here, so every error leaves with its code.
        if result.errors:
            found = result.errors
            result.errors = [
                error if (error.extensions or {}).get("code") else shape_error(error)
                for error in found
            ]
            _record_outcome((result.errors[0].extensions or {}).get("code"))
            for error in (*found, *result.errors):  # logged already, where unexpected
                drop_traceback(error)
        else:
            _record_outcome("ok")
        return await super().process_result(request, result)

    def decode_json(self, data: str | bytes) -> object:
        decoded = _decoded_body.get()
        if decoded is not None and decoded[0] is data:
            return decoded[1]
        return decode_request_json(data)

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
        documents may run and this is not one of them. Its transactions wait for the
        bookmarks the request carries, and the response returns theirs (db/bookmarks.py)."""
        try:
            if self.trusted is not None:
                development = context.runtime.settings.env == "development"
                ad_hoc = may_run_ad_hoc(context.principal, development=development)
                request_data.query = self.trusted.document_for(
                    request_data.query, request_data.extensions, ad_hoc=ad_hoc
                )
            carried = parse_bookmarks((request_data.extensions or {}).get("bookmarks"))
        except ServiceError as error:
            extensions: dict[str, Any] = {"code": error.code}
            if error.field is not None:
                extensions["field"] = error.field
            return ExecutionResult(
                data=None, errors=[GraphQLError(error.message, extensions=extensions)]
            )
        with request_bookmarks(carried) as bookmarks:
            result = await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        if bookmarks.bookmarks:
            result.extensions = {**(result.extensions or {}), "bookmarks": bookmarks.returned()}
        return result

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        state: Any = request.app.state
        principal, auth_error = None, None
        try:
            principal = await state.verifier.authenticate(request.headers.get("authorization"))
        except Unauthenticated as error:
            # Kept for the resolvers that need a principal: without the traceback, whose
            # frame (this one) holds the error and the request, body and all, in a cycle.
            auth_error = error.with_traceback(None)
        record = current_request()
        if record is not None and principal is not None:
            record.employee_id = principal.employee_id  # a staff id, which logs may carry
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            runtime=state.runtime,
            read_audit=state.read_audit,
            principal=principal,
            auth_error=auth_error,
            heavy_work=self.heavy_work,
        )


def _record_outcome(code: object) -> None:
    """The request's outcome for its log line and metrics: "ok" or its first error's code."""
    record = current_request()
    if record is not None:
        record.outcome = "ok" if code == "ok" else outcome_label(code)
