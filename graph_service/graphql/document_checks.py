"""Parsing and checking the operation's document: the limits (`limits.py`), then graphql-core's
validation, only for a document that keeps them.

A page's document (at most `HEAVY_QUERY_CHARS`) is parsed and validated in the event loop's
process, both cached: a clerk's screens send the same few documents all day. A larger one is
parsed and checked in the heavy-work process (`heavy_work.py`), uncached (256 cached
3,000-token trees would hold hundreds of megabytes for whoever sent them); what comes back
is its errors, or the checked document, which unpickles in a fraction of its parse time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Source,
    parse,
)
from graphql.validation import ASTValidationRule
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document
from strawberry.utils.operation import get_operation_type

from graph_service.graphql.errors import shape_error
from graph_service.graphql.heavy_work import HEAVY_QUERY_CHARS, HeavyWork, TooSlow
from graph_service.graphql.limits import document_limit_errors, remembered_limit_errors

CACHED_DOCUMENTS = 256  # parsed and validated small documents kept, by their text

_parse_cached = lru_cache(maxsize=CACHED_DOCUMENTS)(parse)

# Validation remembered by the identity of the schema and of the (cached, so long-lived)
# document: graphql-core's nodes hash by value, all the way down, so an `lru_cache` keyed on
# the document hashed a page's hundred-odd nodes on every request. Each entry keeps what it
# was computed for, so an id reused by another object never answers for it.
_Validated = tuple[GraphQLSchema, DocumentNode, list[GraphQLError]]
_VALIDATED: OrderedDict[tuple[int, int, tuple[type[ASTValidationRule], ...]], _Validated] = (
    OrderedDict()
)


def _validate_cached(
    schema: GraphQLSchema, document: DocumentNode, rules: tuple[type[ASTValidationRule], ...]
) -> list[GraphQLError]:
    key = (id(schema), id(document), rules)
    found = _VALIDATED.get(key)
    if found is not None and found[0] is schema and found[1] is document:
        _VALIDATED.move_to_end(key)
        return found[2]
    errors = validate_document(schema, document, rules)
    _VALIDATED[key] = (schema, document, errors)
    if len(_VALIDATED) > CACHED_DOCUMENTS:
        _VALIDATED.popitem(last=False)
    return errors


@dataclass(frozen=True)
class FoundError:
    """An error found in the worker, as the caller will see it."""

    message: str
    positions: tuple[int, ...]
    extensions: dict[str, Any]


@dataclass(frozen=True)
class Verdict:
    """What the worker found: the checked `document`, or `errors` (the parser's when
    `syntax`) and the type of the operation that would have run, if one would (strawberry
    checks the operation type before validation, and refuses a document without one so)."""

    document: DocumentNode | None
    errors: tuple[FoundError, ...] = ()
    syntax: bool = False
    operation: str | None = field(default=None)


def check_document(
    query: str,
    operation_name: str | None,
    parse_options: dict[str, Any],
    rules: tuple[type[ASTValidationRule], ...],
) -> Verdict:
    """In the heavy-work process: the document parsed, within the limits, and valid."""
    from graph_service.graphql.schema import schema  # the fork server imported it already

    try:
        document = parse(query, **parse_options)
    except GraphQLError as error:
        return Verdict(None, (_found(error),), syntax=True)
    errors = document_limit_errors(document) or validate_document(schema._schema, document, rules)
    if not errors:
        return Verdict(document)
    try:
        operation: str | None = get_operation_type(document, operation_name).value
    except RuntimeError:
        operation = None
    return Verdict(None, tuple(_found(error) for error in errors), operation=operation)


def _found(error: GraphQLError) -> FoundError:
    # Shaped where the error's nodes are (a refused literal's field is read from them).
    shaped = shape_error(error)
    return FoundError(shaped.message, tuple(error.positions or ()), dict(shaped.extensions or {}))


class CheckedDocument(SchemaExtension):
    """Parses the document and runs the limits and validation: here for a small document,
    in the heavy-work process for a large one (or here too, when the request has none, as
    `schema.execute` outside the app)."""

    def __init__(self) -> None:
        self._found: list[GraphQLError] | None = None  # the heavy-work process's verdict

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        query = context.query or ""  # strawberry refused a missing query before parsing
        heavy_work = getattr(context.context, "heavy_work", None)
        if len(query) <= HEAVY_QUERY_CHARS:
            context.graphql_document = _parse_cached(query, **context.parse_options)
        elif isinstance(heavy_work, HeavyWork):
            await self._check_elsewhere(heavy_work, query)
        else:
            context.graphql_document = parse(query, **context.parse_options)
        yield

    async def _check_elsewhere(self, heavy_work: HeavyWork, query: str) -> None:
        context = self.execution_context
        try:
            verdict = await heavy_work.run(
                check_document,
                query,
                context.operation_name,
                dict(context.parse_options),
                tuple(context.validation_rules),
            )
        except TooSlow as slow:
            raise GraphQLError(
                f"The document could not be checked: its check {slow}. Send a smaller document.",
                extensions={"code": "BAD_USER_INPUT"},
            ) from None
        source = Source(query)
        found = [
            GraphQLError(
                error.message,
                source=source,
                positions=error.positions,
                extensions=error.extensions,
            )
            for error in verdict.errors
        ]
        if verdict.syntax:
            raise found[0]  # as strawberry's own parse would
        if verdict.document is not None:
            context.graphql_document = verdict.document
            self._found = []
        else:
            context.graphql_document = _placeholder(verdict.operation, context.operation_name)
            self._found = found

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if self._found is not None:
            context.pre_execution_errors = self._found
        elif document is not None and context.pre_execution_errors is None:
            query = context.query or ""
            small = len(query) <= HEAVY_QUERY_CHARS
            errors = (
                remembered_limit_errors(query, document)
                if small
                else document_limit_errors(document)
            )
            if not errors:
                validate = _validate_cached if small else validate_document
                errors = validate(context.schema._schema, document, context.validation_rules)
            context.pre_execution_errors = errors
        yield


def _placeholder(operation: str | None, name: str | None) -> DocumentNode:
    """A refused document's stand-in: its operation's type and name only, for strawberry's
    check of the operation type; never validated or run (its errors are already known)."""
    if operation is None:
        return DocumentNode(definitions=())
    definition = OperationDefinitionNode(
        operation=OperationType(operation),
        name=NameNode(value=name) if name else None,
        variable_definitions=(),
        directives=(),
        selection_set=SelectionSetNode(selections=()),
    )
    return DocumentNode(definitions=(definition,))
