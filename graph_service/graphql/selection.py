"""What a root field selected of a household or person: the input of the read compiler.

Fragments and inline fragments are flattened for the object type at hand, `@skip` and
`@include` are applied with the request's variables, and aliases of one field are merged (a
field has no arguments below the root, so every alias reads the same value).
"""

from __future__ import annotations

import weakref
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

from graphql import (
    BooleanValueNode,
    DirectiveNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLResolveInfo,
    InlineFragmentNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)

from graph_service.db.read_compiler import Selected
from graph_service.errors import BadInput
from graph_service.graphql.context import Info

_DEFINITION = "strawberry-definition"  # where strawberry keeps a field's Python name
# Fields one read may select, fragments expanded: a page a UI shows selects well under 200,
# and each selected field is Cypher that Neo4j plans (once per distinct selection), so
# fragments that multiply a selection are refused before anything is compiled.
MAX_SELECTED_FIELDS = 500


# What each root field node of a (cached, so long-lived) document selected, by the rest of
# what decides it: the type, the path, and the request's Boolean variables (the only values
# `@skip`/`@include` can read). By the node's identity (nodes compare equal by shape, and two
# documents may spread fragments of one name that differ); an entry goes with its node.
_Remembered = dict[Hashable, tuple[Selected, ...]]
_REMEMBERED: dict[int, tuple[weakref.ref[FieldNode], _Remembered]] = {}


def _remembered(node: FieldNode) -> _Remembered:
    entry = _REMEMBERED.get(id(node))
    if entry is None or entry[0]() is not node:
        key = id(node)
        entry = _REMEMBERED[key] = (weakref.ref(node, lambda _: _REMEMBERED.pop(key, None)), {})
    return entry[1]


def selected_of(
    strawberry_info: Info, type_name: str, path: Sequence[str] = ()
) -> tuple[Selected, ...]:
    """The fields of `type_name` that the current root field selects at `path` below it
    (`("edges", "node")` for a connection's nodes)."""
    # graphql-core's info: the document's nodes, fragments and variables as executed.
    info: GraphQLResolveInfo[Any] = strawberry_info._raw_info
    if len(info.field_nodes) != 1:
        return _selected_of(info, type_name, path)
    variables = _variables(info)
    flags = tuple(sorted((k, v) for k, v in variables.items() if isinstance(v, bool)))
    key = (type_name, tuple(path), flags)
    remembered = _remembered(info.field_nodes[0])
    found = remembered.get(key)
    if found is None:
        found = remembered[key] = _selected_of(info, type_name, path)
    return found


def _selected_of(
    info: GraphQLResolveInfo[Any], type_name: str, path: Sequence[str]
) -> tuple[Selected, ...]:
    sets = [node.selection_set for node in info.field_nodes if node.selection_set]
    for name in path:
        sets = [
            field.selection_set
            for field in _fields(info, sets, type_name=None)
            if field.name.value == name and field.selection_set
        ]
    object_type = info.schema.get_type(type_name)
    assert isinstance(object_type, GraphQLObjectType)
    selected = _tree(info, sets, object_type)
    if _size(selected) > MAX_SELECTED_FIELDS:
        raise BadInput(
            "selection",
            f"select at most {MAX_SELECTED_FIELDS} fields of households and people in one "
            "read (fragments counted each time they are used)",
        )
    return selected


def _size(selection: tuple[Selected, ...]) -> int:
    return sum(1 + _size(field.children) for field in selection)


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
    """`@skip(if:)` and `@include(if:)` on `node`, with the request's variables (coerced:
    graphql-core types them as VariableValues, strawberry's execution passes the dict)."""
    variables = _variables(info)
    for directive in node.directives or ():
        name = directive.name.value
        if name in ("skip", "include") and _condition(directive, variables) == (name == "skip"):
            return False
    return True


def _variables(info: GraphQLResolveInfo[Any]) -> Mapping[str, Any]:
    given: Any = info.variable_values
    return getattr(given, "coerced", given)  # type: ignore[no-any-return]


def _condition(directive: DirectiveNode, variables: Mapping[str, Any]) -> bool:
    """The directive's `if`: a literal or a variable (validation has allowed nothing else)."""
    for argument in directive.arguments or ():
        if argument.name.value == "if":
            value = argument.value
            if isinstance(value, VariableNode):
                return bool(variables.get(value.name.value))
            return isinstance(value, BooleanValueNode) and value.value
    return False
