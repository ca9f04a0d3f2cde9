"""How errors leave the API: expected ones with `extensions.code` and `field`, the rest masked."""

from __future__ import annotations

import logging
import re

from graphql import GraphQLError

from graph_service.errors import BadInput, ServiceError

log = logging.getLogger(__name__)
MASKED_MESSAGE = "Unexpected error."
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def shape_error(error: GraphQLError) -> GraphQLError:
    """The error as the caller may see it."""
    original = error.original_error
    if isinstance(original, ServiceError):
        extensions: dict[str, object] = {"code": original.code}
        if original.field is not None:
            extensions["field"] = original.field
        if isinstance(original, BadInput) and len(original.problems) > 1:
            extensions["problems"] = [
                {"field": problem.field, "message": problem.message}
                for problem in original.problems
            ]
        return _with(error, original.message, extensions)
    if original is None:
        # Parse and validation errors: the document itself is wrong. Schema suggestions
        # ("Did you mean ...?") are dropped so that they don't map the schema for a prober.
        return _with(error, _SUGGESTION.sub("", error.message), {"code": "BAD_USER_INPUT"})
    log.error("unexpected error in %s", error.path, exc_info=original)
    return _with(error, MASKED_MESSAGE, {"code": "INTERNAL"})


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
