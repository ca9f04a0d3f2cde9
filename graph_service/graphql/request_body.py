"""The request body at the edge: bounded while it is read, decoded without recursion limits
being reached, and refused when it carries text no field could store.

A refusal is a `RefusedRequest`, answered as GraphQL answers every refusal (`errors` with
`extensions.code`, `field` when one part of the request is to blame), never as a bare HTTP
error or a 500.
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import Message, Receive, Scope

from graph_service.text import has_lone_surrogate

# Deeper than any input the schema takes (an input object inside a list inside an input),
# far below what would exhaust the interpreter's stack.
MAX_JSON_DEPTH = 32
# More JSON objects and arrays than any request needs (the largest inputs are a list of 100
# ids and a CSV text); counted from the raw bytes before decoding, outside JSON strings (a
# feed file's JSON lines travel as one string and hold as many braces as they like).
MAX_JSON_CONTAINERS = 10_000
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
# Only a `\uD800`-`\uDFFF` escape can put a surrogate in decoded JSON (the body itself must
# be valid UTF-8): a body without one is not searched.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class RefusedRequest(Exception):
    """A request refused before any GraphQL work; `response()` is its answer."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field

    def __reduce__(self) -> tuple[type[RefusedRequest], tuple[int, str, str | None]]:
        # Raised in the heavy-work process, raised again here: pickled with its answer.
        return (RefusedRequest, (self.status, self.message, self.field))

    def response(self) -> JSONResponse:
        extensions: dict[str, str] = {"code": "BAD_USER_INPUT"}
        if self.field is not None:
            extensions["field"] = self.field
        error = {"message": self.message, "extensions": extensions}
        return JSONResponse({"errors": [error]}, status_code=self.status)


def body_too_large(limit: int) -> RefusedRequest:
    return RefusedRequest(
        413,
        f"The request body is larger than {limit} bytes, the limit "
        "(GRAPH_SERVICE_MAX_BODY_BYTES): send a smaller document or fewer variables.",
    )


def bounded_receive(scope: Scope, receive: Receive, limit: int) -> Receive:
    """`receive`, refusing a body over `limit` bytes: at once when its Content-Length says so,
    else as soon as the chunks read so far pass it (a chunked body has no length)."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                declared = int(value)
            except ValueError:
                raise RefusedRequest(400, "The Content-Length header is not a number.") from None
            if declared > limit:
                raise body_too_large(limit)
    received = 0

    async def receive_within_limit() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise body_too_large(limit)
        return message

    return receive_within_limit


def decode_request_json(data: str | bytes) -> object:
    """The request's JSON, or a refusal saying what is wrong with it."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RefusedRequest(
            400, f"The request body is not valid UTF-8 (byte {error.start})."
        ) from None
    structure = _JSON_STRING.sub(b"", raw) if b"{" in raw or b"[" in raw else raw
    containers = structure.count(b"{") + structure.count(b"[")
    if containers > MAX_JSON_CONTAINERS:
        raise RefusedRequest(
            400,
            f"The request body holds {containers} JSON objects and arrays, more "
            f"than the {MAX_JSON_CONTAINERS} allowed: send fewer variables.",
        )
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise RefusedRequest(400, f"The request body is not valid JSON: {error}.") from None
    except RecursionError:
        raise _too_deep() from None
    _check_value(value, surrogates=_SURROGATE_ESCAPE.search(raw) is not None)
    return value


def _too_deep() -> RefusedRequest:
    return RefusedRequest(
        400, f"The request body's JSON nests deeper than {MAX_JSON_DEPTH} levels, the limit."
    )


def _check_value(value: object, *, surrogates: bool) -> None:
    """Walks the decoded body without recursion: its depth and, when the body has a
    surrogate escape, every key and string, to name where a lone surrogate is. Paths are
    spelled only for containers and refusals (a 1 MB list of numbers costs no strings)."""
    pending: list[tuple[Any, str, int]] = [(value, "", 0)]
    while pending:
        item, where, depth = pending.pop()
        if isinstance(item, str):
            if has_lone_surrogate(item):
                raise _lone_surrogate(where)
            continue
        if depth >= MAX_JSON_DEPTH:
            raise _too_deep()
        entries = item.items() if isinstance(item, dict) else enumerate(item)
        for key, inner in entries:
            if isinstance(key, str) and surrogates and has_lone_surrogate(key):
                raise _lone_surrogate(_path(where, key))
            if isinstance(inner, dict | list) or (surrogates and isinstance(inner, str)):
                pending.append((inner, _path(where, key), depth + 1))


def _path(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def _lone_surrogate(where: str) -> RefusedRequest:
    shown = where.encode("utf-8", "backslashreplace").decode("ascii")
    return RefusedRequest(
        400,
        f"{shown or 'body'}: contains a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape "
        "without its pair), which is not a character: send valid Unicode text.",
        field=shown or None,
    )
