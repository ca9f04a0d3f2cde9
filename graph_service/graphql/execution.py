"""graphql-core's execution, with a short path for the leaves of projected maps.

A compiled read (db/read_compiler.py) answers with maps already shaped like the selection:
every selected field of a household or person is an entry keyed by its Python name. For
each such leaf, graphql-core would still build a resolve-info object, call strawberry's
resolver, look up the default resolver and complete the value: most of a household page's
CPU in the service went there (issue 11's profile: about 130 fields per page, nine in ten of
them leaves). For a *basic* field (no resolver, no permission, no arguments: strawberry
resolves it with the schema's default resolver, `field_value`, which is an entry lookup on a
map) this takes the entry and serializes it with the field's own type, which is what the
long path does with it. Anything else, and any value the short path would not answer
exactly like the long one (a null where the type forbids it, a value the type refuses), is
left to graphql-core, which also reports the error as it always has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)
from graphql.pyutils import AwaitableOrValue, Path, Undefined, UndefinedType
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from graph_service.graphql.types.compiled import field_value


@dataclass(frozen=True)
class _Leaf:
    key: str  # the entry's key in a projected map: the field's Python name
    serialize: Callable[[Any], Any]
    non_null: bool


_NOT_A_LEAF = _Leaf("", lambda value: value, False)
_PLANS: dict[tuple[GraphQLObjectType, str], _Leaf] = {}


def _plan(parent_type: GraphQLObjectType, field_name: str) -> _Leaf:
    """How to answer `field_name` of `parent_type` from a projected map (or _NOT_A_LEAF)."""
    field = parent_type.fields.get(field_name)
    if field is None or field.args:
        return _NOT_A_LEAF
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not (
        isinstance(definition, StrawberryField)
        and definition.is_basic_field
        and definition.default_resolver is field_value
        and definition.python_name
    ):
        return _NOT_A_LEAF
    non_null = isinstance(field.type, GraphQLNonNull)
    named = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if not isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return _NOT_A_LEAF
    return _Leaf(definition.python_name, named.serialize, non_null)


class ProjectedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context; basic leaf fields of projected maps take the short
    path described above."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> AwaitableOrValue[Any] | UndefinedType:
        if type(source) is dict:
            node = field_details_list[0].node
            plan_key = (parent_type, node.name.value)
            leaf = _PLANS.get(plan_key)
            if leaf is None:
                leaf = _PLANS[plan_key] = _plan(parent_type, node.name.value)
            if leaf is not _NOT_A_LEAF and not node.arguments and leaf.key in source:
                value = source[leaf.key]
                if value is None and not leaf.non_null:
                    return None
                if value is not None:
                    try:
                        serialized = leaf.serialize(value)
                    except Exception:  # the long path reports it, located
                        serialized = Undefined
                    if serialized is not Undefined and serialized is not None:
                        return serialized
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )
