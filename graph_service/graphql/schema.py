"""The GraphQL schema; `schema.graphql` at the repository root is exported from `schema`."""

from __future__ import annotations

from collections.abc import Callable

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import DisableIntrospection, MaskErrors, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graph_service.graphql.errors import shape_error
from graph_service.graphql.limits import limit_extensions
from graph_service.graphql.mutations import Mutation
from graph_service.graphql.queries import Query


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
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return QuietSchema(
        query=Query,
        mutation=Mutation,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=True),
    )


schema = build_schema(introspection=True)
