"""What the request being served has shown about itself so far, for its log line and metrics.

The middleware opens a record per HTTP request; the GraphQL layer fills in the operation,
the caller and the outcome as it learns them. A context variable carries it, so code deep in
a request (a log call, a resolver) reaches it without being handed it.
"""

from __future__ import annotations

from contextvars import ContextVar, Token
from dataclasses import dataclass

# The label of a request that ran no operation (its document was refused before validation,
# or it was not a GraphQL request), and of one whose document selects several root fields
# (their combinations are unbounded, so no label names them).
NO_OPERATION = "none"
SEVERAL_OPERATIONS = "multiple"


@dataclass
class RequestRecord:
    request_id: str
    operation: str = NO_OPERATION
    employee_id: str | None = None
    # The first error's `extensions.code`, or "ok"; None until the GraphQL layer answered.
    outcome: str | None = None


_current: ContextVar[RequestRecord | None] = ContextVar("current_request", default=None)


def current_request() -> RequestRecord | None:
    """The record of the request being served, or None outside a request."""
    return _current.get()


def open_record(record: RequestRecord) -> Token[RequestRecord | None]:
    """Make `record` the current request's; pass the result to `close_record`."""
    return _current.set(record)


def close_record(token: Token[RequestRecord | None]) -> None:
    _current.reset(token)
