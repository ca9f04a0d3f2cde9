"""The GraphQL schema; `schema.graphql` at the repository root is exported from `schema`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date, datetime
from functools import partial

from graphql import GraphQLError
from graphql import parse as parse_document
from strawberry import Schema
from strawberry.extensions import (
    DisableIntrospection,
    MaskErrors,
    ParserCache,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graph_service.graphql import scalars
from graph_service.graphql.errors import shape_error
from graph_service.graphql.execution import ProjectedExecutionContext
from graph_service.graphql.heavy_work import HEAVY_QUERY_CHARS, off_the_loop
from graph_service.graphql.limits import LimitedValidation, limit_extensions
from graph_service.graphql.mutations import Mutation
from graph_service.graphql.observed import ObservedOperation
from graph_service.graphql.queries import Query
from graph_service.graphql.types.compiled import field_value


class CachedParse(ParserCache):
    """ParserCache, parsing a large document in a worker thread (see `heavy_work`).

    A document that does not parse raises its error here rather than being left to
    strawberry's own parse, which would parse it a second time on the event loop; the error
    leaves shaped all the same (`GraphQLApp.process_result`).
    """

    async def on_parse(self) -> AsyncIterator[None]:  # type: ignore[override]  # SchemaExtension allows async hooks
        context = self.execution_context
        query = context.query or ""  # strawberry refused a missing query before parsing
        heavy = len(query) > HEAVY_QUERY_CHARS
        # Large documents are not cached: 256 cached 3,000-token trees would hold hundreds of
        # megabytes for whoever sends them, and no screen sends such a document.
        parse_function = parse_document if heavy else self.cached_parse_document
        parse = partial(parse_function, query, **context.parse_options)
        context.graphql_document = await off_the_loop(parse, heavy=heavy)
        yield


class ShapeErrors(MaskErrors):
    """Every error leaves as `shape_error` makes it: coded, with its field, or masked."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda _: True)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        return shape_error(error)


class QuietSchema(Schema):
    # Expected errors are answers, not incidents; `shape_error` logs the unexpected ones.
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


def build_schema(*, introspection: bool) -> Schema:
    """The schema with every limit; introspection only where settings allow it. Executed
    asynchronously only (`execute`): parsing and validation may await a worker thread."""
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        *limit_extensions(),
        ShapeErrors,
        # A clerk's screens send the same few documents all day: parse and validate each once
        # (the token limit is a parse option, so a cached document passed it; the other limits
        # are checked before validation, on every request; after ShapeErrors, so a refused
        # document's error is shaped as before).
        lambda: CachedParse(maxsize=256),
        lambda: LimitedValidation(maxsize=256),
        ObservedOperation,  # names the operation in the request's log line and metrics
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return QuietSchema(
        query=Query,
        mutation=Mutation,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=True, default_resolver=field_value),
        # Dates in the span the service keeps; out, ISO text (see scalars.py).
        scalar_overrides={date: scalars.DATE, datetime: scalars.DATE_TIME},
        execution_context_class=ProjectedExecutionContext,
    )


schema = build_schema(introspection=True)
