"""graphql-core's execution, with a short path for the fields of projected maps.

A compiled read (db/read_compiler.py) answers with maps already shaped like the selection:
every selected field of a household or person is an entry keyed by its Python name, nested
objects are nested maps. For each field of such a map graphql-core would still build a
resolve-info object, call strawberry's resolver, look up the default resolver and complete
the value, object by object and list by list: most of a household page's CPU in the service
went there (about 130 fields a page). The short path answers a field of a projected map, and
everything below it, directly from the map when every field on the way is *basic* (no
resolver, no permission, no arguments: strawberry would resolve it with the schema's default
resolver, `field_value`, an entry lookup) or a compiled object's global `id`
(types/compiled.py `global_id`): leaves are serialized by their own type, objects and lists
built from the selection graphql-core collects (fragments and directives included), exactly
as the long path would. The first thing it would not answer exactly like the long path (a
null where the type forbids it, a value the type refuses, a resolver, an abstract type)
hands that field to graphql-core, which also reports any error as it always has. The
basic fields of strawberry objects (a search's connection, its edges and page info, which
hold projected maps) take the same path, read as the default resolver reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, cast

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    get_named_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import AwaitableOrValue, Path, Undefined, UndefinedType
from graphql.type.scalars import serialize_boolean, serialize_id, serialize_int, serialize_string
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from graph_service.graphql.ids import to_global_id
from graph_service.graphql.types.compiled import field_value


@dataclass(frozen=True)
class _Field:
    key: str  # the entry's key in a projected map: the field's Python name
    type: GraphQLOutputType
    global_id_of: str | None = None  # a compiled object's `id`: the raw id as a global id


class _LongPath(Exception):
    """Raised where the short path would not answer exactly like graphql-core."""


_PLANS: dict[tuple[GraphQLObjectType, str], _Field | None] = {}
_LONG = _Field("", cast(GraphQLOutputType, None))  # a step the short path cannot answer
_Step = tuple[str, _Field | None, FieldDetailsList]  # response key, plan (None: __typename)


def _plan_for(parent_type: GraphQLObjectType, fields: FieldDetailsList) -> _Field | None:
    """The plan of the field `fields` select, None when the short path cannot answer it."""
    node = fields[0].node
    plan_key = (parent_type, node.name.value)
    try:
        plan = _PLANS[plan_key]
    except KeyError:
        plan = _PLANS[plan_key] = _plan(parent_type, node.name.value)
    if plan is None or node.arguments:
        return None
    return plan


def _plan(parent_type: GraphQLObjectType, field_name: str) -> _Field | None:
    """How to answer `field_name` of `parent_type` from a projected map (None: it can't)."""
    field = parent_type.fields.get(field_name)
    if field is None or field.args:
        return None
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or not definition.python_name:
        return None
    named = get_named_type(field.type)
    if not isinstance(named, GraphQLScalarType | GraphQLEnumType | GraphQLObjectType):
        return None
    resolver = definition.base_resolver
    if resolver is not None:
        type_name = getattr(resolver.wrapped_func, "global_id_of", None)
        if type_name is None or definition.permission_classes or definition.extensions:
            return None
        return _Field("id", field.type, global_id_of=type_name)
    if definition.is_basic_field and definition.default_resolver is field_value:
        return _Field(definition.python_name, field.type)
    return None


class ProjectedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context; fields of projected maps take the short path
    described above."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> AwaitableOrValue[Any] | UndefinedType:
        if _answerable(source):
            try:
                return self._answer(parent_type, source, field_details_list)
            except _LongPath:
                pass
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def _answer(self, parent_type: GraphQLObjectType, source: Any, fields: FieldDetailsList) -> Any:
        plan = _plan_for(parent_type, fields)
        if plan is None:
            raise _LongPath
        return self._value(plan, source, fields)

    def _value(self, plan: _Field, source: Any, fields: FieldDetailsList) -> Any:
        if type(source) is not dict:  # a strawberry object: the default resolver's getattr
            value = getattr(source, plan.key, _MISSING)
            if value is _MISSING or plan.global_id_of is not None:
                raise _LongPath
            return self._complete(plan.type, value, fields)
        if plan.global_id_of is not None:
            raw = source.get("id")
            if raw is None:
                raise _LongPath
            return self._complete(plan.type, to_global_id(plan.global_id_of, raw), fields)
        if plan.key not in source:
            raise _LongPath
        return self._complete(plan.type, source[plan.key], fields)

    def _steps(self, object_type: GraphQLObjectType, fields: FieldDetailsList) -> list[_Step]:
        """The fields to answer of each `object_type` object completed for `fields` (the
        same for every item of a list): collected and planned once per operation."""
        cache: dict[tuple[GraphQLObjectType, int], tuple[FieldDetailsList, list[_Step]]]
        cache = self.__dict__.setdefault("_projected_steps", {})
        key = (object_type, id(fields))
        found = cache.get(key)
        if found is not None:
            return found[1]
        grouped, deferred, _ = self.collect_subfields(object_type, fields)
        if deferred:
            raise _LongPath
        steps: list[_Step] = []
        for response_key, sub_fields in grouped.items():
            if sub_fields[0].node.name.value == "__typename":
                steps.append((response_key, None, sub_fields))
            else:
                steps.append(
                    (response_key, _plan_for(object_type, sub_fields) or _LONG, sub_fields)
                )
        cache[key] = (fields, steps)  # `fields` kept alive, so its id is not reused meanwhile
        return steps

    def _complete(self, of_type: GraphQLOutputType, value: Any, fields: FieldDetailsList) -> Any:
        shape = _shape_of(of_type)
        if value is None:
            if shape.non_null:
                raise _LongPath  # graphql-core's "Cannot return null", located
            return None
        if shape.kind is _Kind.LEAF:
            if type(value) is shape.as_is and (
                shape.as_is is not int or _INT_MIN <= cast(int, value) <= _INT_MAX
            ):
                return value  # what the scalar's own serialize would return
            leaf = cast(GraphQLScalarType | GraphQLEnumType, shape.named)
            try:
                serialized = leaf.serialize(value)
            except Exception:  # the long path reports it, located
                raise _LongPath from None
            if serialized is None or serialized is Undefined:
                raise _LongPath
            return serialized
        if shape.kind is _Kind.LIST:
            if type(value) is not list:
                raise _LongPath
            item_type = shape.item_type
            assert item_type is not None
            return [self._complete(item_type, item, fields) for item in value]
        if shape.kind is _Kind.OBJECT and _answerable(value):
            object_type = shape.named
            assert isinstance(object_type, GraphQLObjectType)
            if object_type.is_type_of is not None and not _is_type_of(object_type, value):
                raise _LongPath
            answer: dict[str, Any] = {}
            for response_key, plan, sub_fields in self._steps(object_type, fields):
                if plan is None:
                    answer[response_key] = object_type.name
                elif plan is _LONG:
                    raise _LongPath
                else:
                    answer[response_key] = self._value(plan, value, sub_fields)
            return answer
        raise _LongPath


class _Kind(Enum):
    LEAF = 1
    LIST = 2
    OBJECT = 3
    OTHER = 4  # an abstract type: the long path's


# The built-in scalars whose serialize returns a value of this exact Python type unchanged
# (Int: within 32 bits); any other value goes through serialize.
_AS_IS: dict[Any, type] = {
    serialize_string: str,
    serialize_id: str,
    serialize_boolean: bool,
    serialize_int: int,
}
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1  # GraphQL's Int


@dataclass(frozen=True)
class _Shape:
    """An output type taken apart once: nullability, kind, the list's item type or the
    named type, and for a built-in scalar the Python type it passes through as is."""

    non_null: bool
    kind: _Kind
    named: GraphQLOutputType | None = None
    item_type: GraphQLOutputType | None = None
    as_is: type | None = None


# By the type's identity (wrapping types compare by shape); the type is kept with its entry,
# so a type of a discarded schema never answers for another that got its id.
_SHAPES: dict[int, tuple[GraphQLOutputType, _Shape]] = {}


def _shape_of(of_type: GraphQLOutputType) -> _Shape:
    entry = _SHAPES.get(id(of_type))
    if entry is not None and entry[0] is of_type:
        return entry[1]
    shape = _shape(of_type)
    _SHAPES[id(of_type)] = (of_type, shape)
    return shape


def _shape(of_type: GraphQLOutputType) -> _Shape:
    non_null = isinstance(of_type, GraphQLNonNull)
    nullable: GraphQLOutputType = (
        of_type.of_type if isinstance(of_type, GraphQLNonNull) else of_type
    )
    if isinstance(nullable, GraphQLList):
        return _Shape(non_null, _Kind.LIST, item_type=nullable.of_type)
    if isinstance(nullable, GraphQLScalarType | GraphQLEnumType):
        as_is = _AS_IS.get(nullable.serialize) if isinstance(nullable, GraphQLScalarType) else None
        return _Shape(non_null, _Kind.LEAF, named=nullable, as_is=as_is)
    if isinstance(nullable, GraphQLObjectType):
        return _Shape(non_null, _Kind.OBJECT, named=nullable)
    return _Shape(non_null, _Kind.OTHER)


_MISSING = object()


def _answerable(value: Any) -> bool:
    """A projected map, or an instance of a strawberry type (a connection, its edges and
    page info, which wrap projected maps): objects whose basic fields the default resolver
    reads as entries or attributes."""
    return type(value) is dict or hasattr(type(value), "__strawberry_definition__")


def _is_type_of(of_type: GraphQLObjectType, value: Any) -> bool:
    """The type's own check (types/compiled.py `Projected`: the map's `__typename`); it
    reads no resolve info, and one that would is left to the long path."""
    assert of_type.is_type_of is not None
    try:
        return bool(of_type.is_type_of(value, cast(Any, None)))
    except Exception:
        return False
