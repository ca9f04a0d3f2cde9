"""The read compiler: every GraphQL field of a compiled type has its Cypher, a statement
projects only what was selected, and nested objects never capture an outer variable."""

from __future__ import annotations

import re

from graphql import GraphQLObjectType, get_named_type

from graph_service.db.cypher import read_template_names
from graph_service.db.read_compiler import (
    Selected,
    audited_fields,
    compile_read,
    parameters_of,
    statement,
    type_fields,
)
from graph_service.graphql.schema import schema
from graph_service.services.searches import HOUSEHOLD_SEARCHES, PERSON_SEARCHES

COMPILED = [
    name.removeprefix("types/") for name in read_template_names() if name.startswith("types/")
]
NAME = (Selected("firstName", "first_name"),)


def _object(field: str, type_name: str, *children: Selected) -> Selected:
    return Selected(field, field, type_name, children)


# A person's households' members' households: each level binds a node of its own.
DEEP = (
    _object(
        "memberships", "Membership",
        _object("household", "Household", _object("members", "Member", _object(
            "person", "Person", *NAME, _object(
                "memberships", "Membership",
                _object("household", "Household", Selected("name", "name")),
            ),
        ))),
    ),
)  # fmt: skip


def _graphql_type(name: str) -> GraphQLObjectType:
    found = schema._schema.get_type(name)
    assert isinstance(found, GraphQLObjectType)
    return found


def test_every_field_of_a_compiled_type_has_its_cypher() -> None:
    assert {"Household", "Person", "Relationship", "Member", "Membership"} <= set(COMPILED)
    for name in COMPILED:
        assert set(type_fields(name)) == set(_graphql_type(name).fields), name


def test_every_object_a_compiled_type_reaches_is_compiled_too() -> None:
    for name in COMPILED:
        for field in _graphql_type(name).fields.values():
            child = get_named_type(field.type)
            if isinstance(child, GraphQLObjectType):
                assert child.name in COMPILED, f"{name}.{field}"


def test_every_root_is_a_field_a_mutations_result_or_a_search() -> None:
    searches = {s.root for s in [*HOUSEHOLD_SEARCHES.values(), *PERSON_SEARCHES.values()]}
    roots = {name.removeprefix("roots/") for name in read_template_names() if "roots/" in name}
    fields = {"household", "person", "nodes", "household_written", "person_written"}
    assert roots == searches | fields


def test_only_the_selected_fields_are_read() -> None:
    statement = compile_read("person", (("Person", NAME),))
    assert "first_name: this.firstName" in statement
    for unselected in ("lastName", "birthDate", "createdAt", "RELATED_TO", "enrollments"):
        assert unselected not in statement


def test_objects_with_an_id_always_carry_it_and_their_type() -> None:
    statement = compile_read("household", (("Household", (Selected("name", "name"),)),))
    assert "__typename: 'Household'" in statement
    assert "id: this.id" in statement


def test_nested_objects_bind_variables_of_their_own() -> None:
    statement = compile_read("person", (("Person", DEEP),))
    bound = re.findall(r"\((child_\d+):", statement)
    assert len(bound) == 3  # two memberships (households) and one household's members
    assert len(set(bound)) == len(bound)
    # The scope rule is checked on the household each membership reaches, by its own name.
    for variable in bound:
        if f"{variable}:Household" in statement:
            assert f"WITH {variable} AS h, scopeSchoolIds" in statement


def test_values_are_parameters_only() -> None:
    statement = compile_read("households_by_name", (("Household", DEEP[0].children[0].children),))
    assert "$prefix" in statement
    assert "$asOf" in statement
    assert "'" not in statement.replace("'Household'", "").replace("'Person'", "").replace(
        "'school'", ""
    ).replace("'active'", "")


def test_a_compiled_statement_is_one_line_without_comments() -> None:
    """Whitespace is folded, so a template's trailing comment would swallow the rest."""
    roots = [name.removeprefix("roots/") for name in read_template_names() if "roots/" in name]
    for root in roots:
        statement = compile_read(
            root, (("Household", DEEP[0].children[0].children), ("Person", DEEP))
        )
        assert "\n" not in statement
        assert "//" not in statement, root


def test_a_persons_relationship_lists_share_one_scan_of_its_edges() -> None:
    """`// @let` sections: computed once per object, and only when a selected field uses
    them (a person's edges are read once for all its relationship lists)."""
    lists = tuple(
        _object(name, "Relationship", Selected("label", "label"))
        for name in ("householdRelationships", "nonHouseholdRelationships", "emergencyContacts")
    )
    statement = compile_read("person", (("Person", lists),))
    assert statement.count(":RELATED_TO]") == 1
    assert statement.count("[sharedA:MEMBER_OF]") == 1  # who shares a household, once
    assert "let" not in compile_read("person", (("Person", NAME),))


def test_lets_of_nested_objects_bind_names_of_their_own() -> None:
    relatives = _object(
        "householdRelationships", "Relationship",
        _object(
            "person", "Person",
            _object("guardians", "Relationship", Selected("otherFirstName", "other_first_name")),
        ),
    )  # fmt: skip
    statement = compile_read("person", (("Person", (relatives,)),))
    bound = re.findall(r"\[(let\d+_\w+) IN", statement)
    assert len(bound) == 3  # the person's edges and sharers, the relative's edges
    assert len(set(bound)) == 3


def test_a_statement_names_exactly_the_parameters_it_reads() -> None:
    members = _object("members", "Member", _object("person", "Person", *NAME))
    labelled = _object(
        "members", "Member", _object(
            "person", "Person", _object("householdRelationships", "Relationship",
                                        Selected("label", "label")),
        ),
    )  # fmt: skip

    names = parameters_of(statement("household", {"Household": (members,)}))
    with_labels = parameters_of(statement("household", {"Household": (labelled,)}))

    assert {"id", "employeeId", "now", "asOf", "onDate"} <= names
    assert "reciprocals" not in names
    assert "reciprocals" in with_labels


def test_the_audit_visits_only_fields_that_can_hold_households_or_people() -> None:
    address = _object(
        "addresses", "HouseholdAddress", _object("address", "Address", Selected("city", "city"))
    )
    selection = (address, Selected("name", "name"), *DEEP[0].children[0].children)

    assert audited_fields("Household", selection) == (
        ("members", (("person", (("memberships", (("household", ()),)),)),)),
    )
