"""The GraphQL schema; `schema.graphql` at the repository root is exported from `schema`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import DisableIntrospection, MaskErrors, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graph_service.graphql import scalars
from graph_service.graphql.document_checks import CheckedDocument
from graph_service.graphql.errors import drop_traceback, shape_error
from graph_service.graphql.execution import ProjectedExecutionContext
from graph_service.graphql.limits import limit_extensions
from graph_service.graphql.mutations import Mutation
from graph_service.graphql.observed import ObservedOperation
from graph_service.graphql.queries import Query
from graph_service.graphql.types.compiled import field_value


class ShapeErrors(MaskErrors):
    """Every error leaves as `shape_error` makes it: coded, with its field, or masked."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda _: True)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        shaped = shape_error(error)  # logs an unexpected error, with its traceback
        drop_traceback(error)  # which would keep the request's frames in a cycle
        return shaped


class QuietSchema(Schema):
    # Expected errors are answers, not incidents; `shape_error` logs the unexpected ones.
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


def build_schema(*, introspection: bool) -> Schema:
    """The schema with every limit; introspection only where settings allow it. Executed
    asynchronously only (`execute`): parsing and validation may await a worker process."""
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        *limit_extensions(),
        ShapeErrors,
        # Parsing, the limits and validation, cached for small documents and done in the
        # heavy-work process for large ones (the token limit is a parse option, so a cached
        # document passed it); after ShapeErrors, so a refused document's error is shaped.
        CheckedDocument,
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
