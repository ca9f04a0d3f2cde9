"""The GraphQL schema; `schema.graphql` at the repository root is exported from `schema`."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date, datetime

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import (
    DisableIntrospection,
    MaskErrors,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graph_service.graphql import scalars
from graph_service.graphql.errors import shape_error
from graph_service.graphql.limits import limit_extensions
from graph_service.graphql.mutations import Mutation
from graph_service.graphql.queries import Query
from graph_service.graphql.types.compiled import field_value


class CachedParse(ParserCache):
    """ParserCache, but a document that does not parse is left to strawberry's own parse,
    which reports the error as every other refusal (code and message, shaped)."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        with contextlib.suppress(GraphQLError):
            context.graphql_document = self.cached_parse_document(
                context.query, **context.parse_options
            )
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
    """The schema with every limit; introspection only where settings allow it."""
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        *limit_extensions(),
        ShapeErrors,
        # A clerk's screens send the same few documents all day: parse and validate each once
        # (the limits are parse options and validation rules, so a cached document passed
        # them; after ShapeErrors, so a refused document's error is shaped as before).
        lambda: CachedParse(maxsize=256),
        lambda: ValidationCache(maxsize=256),
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
    )


schema = build_schema(introspection=True)
