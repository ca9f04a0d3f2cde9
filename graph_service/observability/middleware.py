"""Every HTTP request gets an id, returned in `X-Request-ID`, and leaves one log line (and, for
GraphQL, its metrics) when its response has been sent.

A pure ASGI middleware, outside the GraphQL app, so that requests the GraphQL app refuses
at the edge (a body too large) are counted and logged like the rest. The line carries ids,
names, codes and times only: never a header, the query text, its variables or a response.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_service.observability.current_request import (
    RequestRecord,
    close_record,
    open_record,
)
from graph_service.observability.metrics import GRAPHQL_REQUESTS, GRAPHQL_SECONDS

log = logging.getLogger("graph_service.requests")

REQUEST_ID_HEADER = "X-Request-ID"
# A caller's (or a proxy's) id is kept when it is one plain token: a UUID, a trace id, a
# proxy's request id. Anything else (spaces, quotes, control characters, 129 characters and
# more) is replaced, so that no caller writes what it likes into the logs and headers.
_SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
GRAPHQL_PATH = "/graphql"
# Probes and scrapes come every few seconds from the platform: logged at DEBUG, not INFO.
_QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
# The pages' shipped files: a page load fetches a dozen, and they carry no one's data.
_QUIET_PREFIXES = ("/assets/",)


def request_id(scope: Scope) -> str:
    """The caller's X-Request-ID when it is sane, else a new random one."""
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            sent: str = value.decode("latin-1")
            if _SANE_ID.fullmatch(sent):
                return sent
            break
    return uuid.uuid4().hex


class ObservedRequests:
    """The ASGI middleware (install it outermost but for Starlette's error handler)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        record = RequestRecord(request_id=request_id(scope))
        status = 500  # unless the app answers: an exception escaped it
        began = time.perf_counter()
        finished = False

        def finish() -> None:
            nonlocal finished
            finished = True
            _finish(scope, record, status, time.perf_counter() - began)

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, record.request_id)
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                # Logged and counted before the caller can see the response end, so that
                # whoever reads the metrics next already finds this request in them.
                finish()
            await send(message)

        token = open_record(record)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if not finished:
                finish()
            close_record(token)


def _finish(scope: Scope, record: RequestRecord, status: int, seconds: float) -> None:
    path: str = scope["path"]
    outcome = record.outcome or ("ok" if status < 400 else f"HTTP_{status}")
    if path == GRAPHQL_PATH:
        GRAPHQL_REQUESTS.labels(record.operation, outcome).inc()
        GRAPHQL_SECONDS.labels(record.operation).observe(seconds)
    duration_ms = round(seconds * 1000, 1)
    method: str = scope["method"]
    # A path is whatever the caller asked for: escaped, so no line break forges a log line.
    shown_path = repr(path[:200])[1:-1]
    log.log(
        logging.DEBUG if path in _QUIET_PATHS or path.startswith(_QUIET_PREFIXES) else logging.INFO,
        "%s %s %s: %s %s in %.1f ms",
        method,
        shown_path,
        record.operation,
        status,
        outcome,
        duration_ms,
        extra={
            "request_id": record.request_id,
            "method": method,
            "path": shown_path,
            "operation": record.operation,
            "employee_id": record.employee_id,
            "outcome": outcome,
            "status": status,
            "duration_ms": duration_ms,
        },
    )
