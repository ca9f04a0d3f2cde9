"""What a root field selected of a household or person: the input of the read compiler.

Fragments and inline fragments are flattened for the object type at hand, `@skip` and
`@include` are applied with the request's variables, and aliases of one field are merged (a
field has no arguments below the root, so every alias reads the same value).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLIncludeDirective,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import get_directive_values

from graph_service.db.read_compiler import Selected
from graph_service.graphql.context import Info

_DEFINITION = "strawberry-definition"  # where strawberry keeps a field's Python name


def selected_of(
    strawberry_info: Info, type_name: str, path: Sequence[str] = ()
) -> tuple[Selected, ...]:
    """The fields of `type_name` that the current root field selects at `path` below it
    (`("edges", "node")` for a connection's nodes)."""
    # graphql-core's info: the document's nodes, fragments and variables as executed.
    info: GraphQLResolveInfo[Any] = strawberry_info._raw_info
    sets = [node.selection_set for node in info.field_nodes if node.selection_set]
    for name in path:
        sets = [
            field.selection_set
            for field in _fields(info, sets, type_name=None)
            if field.name.value == name and field.selection_set
        ]
    object_type = info.schema.get_type(type_name)
    assert isinstance(object_type, GraphQLObjectType)
    return _tree(info, sets, object_type)


def _tree(
    info: GraphQLResolveInfo[Any], sets: list[SelectionSetNode], object_type: GraphQLObjectType
) -> tuple[Selected, ...]:
    by_name: dict[str, list[FieldNode]] = {}
    for field in _fields(info, sets, type_name=object_type.name):
        by_name.setdefault(field.name.value, []).append(field)
    found: list[Selected] = []
    for name, nodes in sorted(by_name.items()):
        if name.startswith("__"):
            continue
        definition = object_type.fields[name]
        key = definition.extensions[_DEFINITION].python_name
        child = get_named_type(definition.type)
        if isinstance(child, GraphQLObjectType):
            below = [node.selection_set for node in nodes if node.selection_set]
            found.append(Selected(name, key, child.name, _tree(info, below, child)))
        else:
            found.append(Selected(name, key))
    return tuple(found)


def _fields(
    info: GraphQLResolveInfo[Any], sets: Iterable[SelectionSetNode], *, type_name: str | None
) -> Iterable[FieldNode]:
    """The field nodes in `sets` that apply to `type_name` (any type when None)."""
    fragments: dict[str, FragmentDefinitionNode] = info.fragments
    for selection_set in sets:
        for selection in selection_set.selections:
            if not _included(info, selection):
                continue
            if isinstance(selection, FieldNode):
                yield selection
            elif isinstance(selection, InlineFragmentNode):
                if _applies(info, selection.type_condition, type_name):
                    yield from _fields(info, [selection.selection_set], type_name=type_name)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = fragments.get(selection.name.value)
                if fragment is not None and _applies(info, fragment.type_condition, type_name):
                    yield from _fields(info, [fragment.selection_set], type_name=type_name)


def _applies(info: GraphQLResolveInfo[Any], condition: Any, type_name: str | None) -> bool:
    """Whether a fragment on `condition` applies to objects of `type_name`: the type
    itself or an interface it implements (validation has refused every other condition)."""
    if condition is None or type_name is None:
        return True
    named = condition.name.value
    if named == type_name:
        return True
    object_type = info.schema.get_type(type_name)
    return isinstance(object_type, GraphQLObjectType) and any(
        interface.name == named for interface in object_type.interfaces
    )


def _included(info: GraphQLResolveInfo[Any], node: Any) -> bool:
    variables = info.variable_values
    skip = get_directive_values(GraphQLSkipDirective, node, variables)
    if skip and skip.get("if"):
        return False
    include = get_directive_values(GraphQLIncludeDirective, node, variables)
    return not (include and not include.get("if"))
