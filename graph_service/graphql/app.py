"""The strawberry ASGI app, with a context built fresh for every request and the request body
refused at the edge when it is too large or not text any field could hold."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from anyio import to_thread
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.schema.base import BaseSchema

from graph_service.errors import Unauthenticated
from graph_service.graphql.context import Context
from graph_service.graphql.request_body import (
    RefusedRequest,
    bounded_receive,
    decode_request_json,
)

# Decoding and walking a large body takes milliseconds of CPU per 100 kB; past this size it
# runs in a worker thread, so the event loop keeps answering other requests meanwhile.
DECODE_IN_THREAD_BYTES = 64 * 1024
# The body this request decoded in a thread, for strawberry's own (synchronous) decode call.
_decoded_body: ContextVar[tuple[bytes, object] | None] = ContextVar("decoded_body", default=None)


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, schema: BaseSchema, *, max_body_bytes: int, **options: Any) -> None:
        super().__init__(schema, **options)
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        response: Response
        try:
            bounded = bounded_receive(scope, receive, self.max_body_bytes)
            response = await self.run(Request(scope=scope, receive=bounded))
        except RefusedRequest as refused:
            response = refused.response()
        except HTTPException as error:
            response = PlainTextResponse(error.reason, status_code=error.status_code)
        await response(scope, receive, send)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        if request.method == "POST" and "json" in (request.content_type or ""):
            body = await request.get_body()  # read once; strawberry's read gets it again
            if len(body) > DECODE_IN_THREAD_BYTES:
                decoded = await to_thread.run_sync(decode_request_json, body)
                token = _decoded_body.set((body, decoded))
                try:
                    return await super().parse_http_body(request)
                finally:
                    _decoded_body.reset(token)
        return await super().parse_http_body(request)

    def decode_json(self, data: str | bytes) -> object:
        decoded = _decoded_body.get()
        if decoded is not None and decoded[0] is data:
            return decoded[1]
        return decode_request_json(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        state: Any = request.app.state
        principal, auth_error = None, None
        try:
            principal = await state.verifier.authenticate(request.headers.get("authorization"))
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
