"""Every field of the schema has a declared authorization rule: root fields carry a Rule,
and every other object type is reached only through a field that authorized it."""

from __future__ import annotations

from graphql import GraphQLObjectType
from strawberry.types.base import StrawberryObjectDefinition

from graph_service.graphql.authorization import Rule, is_guarded_by_parent
from graph_service.graphql.schema import schema

ROOTS = {"Query", "Mutation"}


def _definition(name: str) -> StrawberryObjectDefinition:
    definition = schema.get_type_by_name(name)
    assert isinstance(definition, StrawberryObjectDefinition), name
    return definition


def _object_types() -> list[str]:
    return [
        name
        for name, graphql_type in schema._schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType) and not name.startswith("__")
    ]


def test_every_root_field_declares_a_rule() -> None:
    undeclared = [
        f"{root}.{field.python_name}"
        for root in ROOTS
        for field in _definition(root).fields
        if not any(issubclass(rule, Rule) for rule in field.permission_classes)
    ]
    assert undeclared == []


def test_every_other_type_is_reached_only_through_an_authorized_field() -> None:
    unguarded = []
    for name in _object_types():
        if name in ROOTS:
            continue
        definition = _definition(name)
        origin = definition.concrete_of.origin if definition.concrete_of else definition.origin
        if not is_guarded_by_parent(origin):
            unguarded.append(name)
    assert unguarded == []


def test_the_walk_sees_the_whole_schema() -> None:
    names = set(_object_types())
    assert {"Household", "Person", "Relationship", "AccessStatus", "HouseholdConnection"} <= names
    assert len(_definition("Mutation").fields) >= 20
