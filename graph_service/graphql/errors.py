"""How errors leave the API: expected ones with `extensions.code` and `field`, the rest masked."""

from __future__ import annotations

import logging
import re

from graphql import GraphQLError
from neo4j.exceptions import (
    IncompleteCommit,
    Neo4jError,
)
from pydantic.alias_generators import to_camel

from graph_service.db import bookmarks
from graph_service.db.availability import DATABASE_UNAVAILABLE
from graph_service.errors import BadInput, ServiceError
from graph_service.services.idempotency import UNREACHABLE, DatabaseUnavailable, OutcomeUnknown

log = logging.getLogger(__name__)
MASKED_MESSAGE = "Unexpected error."
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")
# graphql-core names the bad part of a variable: "... invalid value at .input.startDate: ..."
# or the variable alone: "Variable '$asOf' has invalid value: ...".
_AT_FIELD = re.compile(
    r"""\$(\w+)'? has invalid value(?: at \.?([\w.\[\]]+))?|at ['"]([\w.\[\]]+)['"]"""
)
_UNKNOWN_BOOKMARK = {
    "Neo.ClientError.Transaction.InvalidBookmark",
    "Neo.ClientError.Transaction.InvalidBookmarkMixture",
}
_BOOKMARK_TIMEOUT = "Neo.TransientError.Transaction.BookmarkTimeout"
# A literal in the document is preceded by its argument or input field: `moveDate: "..."`.
_NAMED_BEFORE = re.compile(r"(\w+)\s*:[\s,]*$")
_LOOK_BACK = 200


def shape_error(error: GraphQLError) -> GraphQLError:
    """The error as the caller may see it."""
    original = _unavailable(error.original_error)
    if isinstance(original, ServiceError):
        extensions: dict[str, object] = {"code": original.code}
        if original.field is not None:
            extensions["field"] = _camel(original.field)
        if isinstance(original, DatabaseUnavailable):
            extensions["retryAfterSeconds"] = original.retry_after
        if isinstance(original, BadInput) and len(original.problems) > 1:
            extensions["problems"] = [
                {"field": _camel(problem.field), "message": problem.message}
                for problem in original.problems
            ]
        return _with(error, original.message, extensions)
    if original is None or error.path is None:
        # Parse, validation and variable-coercion errors (no path: nothing ran): the request
        # itself is wrong. Schema suggestions ("Did you mean ...?") are dropped so that they
        # don't map the schema for a prober.
        extensions = {"code": "BAD_USER_INPUT"}
        where = _AT_FIELD.search(error.message)
        if where:
            variable, inner, quoted = where.groups()
            extensions["field"] = (
                quoted if not variable else f"{variable}.{inner}" if inner else variable
            )
        elif (named := _literal_field(error) or _named_field(error)) is not None:
            extensions["field"] = named
        return _with(error, _SUGGESTION.sub("", error.message), extensions)
    log.error("unexpected error in %s", error.path, exc_info=original)
    return _with(error, MASKED_MESSAGE, {"code": "INTERNAL"})


def _unavailable(original: Exception | None) -> Exception | None:
    """The driver's "cannot reach the database" errors as the API's SERVICE_UNAVAILABLE. A
    managed transaction that failed so was rolled back, except when the connection was lost
    during its commit: then nobody knows, and the answer says so. A bookmark the client sent
    that the database never issued is the client's error."""
    if isinstance(original, Neo4jError) and original.code in _UNKNOWN_BOOKMARK:
        return BadInput(bookmarks.FIELD, "not a bookmark this database issued")
    if isinstance(original, Neo4jError) and original.code == _BOOKMARK_TIMEOUT:
        return DatabaseUnavailable()  # the server answering has not caught up with it yet
    if isinstance(original, Neo4jError) and original.code == DATABASE_UNAVAILABLE:
        return DatabaseUnavailable()  # stopping, or not started yet
    if isinstance(original, IncompleteCommit):
        return OutcomeUnknown(keyed=False)
    if isinstance(original, UNREACHABLE):
        return DatabaseUnavailable()
    return original


def _literal_field(error: GraphQLError) -> str | None:
    """The argument or input field a refused literal was written for, read from the few
    characters before it in the document (a list item names none)."""
    node = error.nodes[0] if error.nodes else None
    if node is None or node.loc is None:
        return None
    body = node.loc.source.body
    before = _NAMED_BEFORE.search(body, max(0, node.loc.start - _LOOK_BACK), node.loc.start)
    return before.group(1) if before else None


def _named_field(error: GraphQLError) -> str | None:
    """The field an error already names: one shaped where its nodes were (a large
    document's, checked in the heavy-work process) keeps it when shaped again here."""
    named = (error.extensions or {}).get("field")
    return named if isinstance(named, str) else None


def _camel(field: str) -> str:
    """Use cases name fields in Python's snake_case; callers know them in camelCase. An HTTP
    header ("Idempotency-Key") is named as sent."""
    if field[:1].isupper():
        return field
    return ".".join(to_camel(part) for part in field.split("."))


def _with(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )


def drop_traceback(error: BaseException) -> None:
    """Drops the tracebacks of an error the response has answered, and of the errors behind
    it. A traceback holds its frames, and they the request, its body and often the error
    itself (a local that names it, a task that raised it, a context that keeps it): a cycle,
    freed only by the cyclic collector's rare full passes. Under hostile requests 20-35 MB
    of 1 MB bodies and 900 kB documents waited for one after the load had stopped."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = None
        original = getattr(current, "original_error", None)  # a GraphQLError's cause
        pending.extend((current.__cause__, current.__context__))
        if isinstance(original, BaseException):
            pending.append(original)
