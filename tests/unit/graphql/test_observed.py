"""A request's operation label is the root field it selects: a schema name, never a name
the client chose."""

from __future__ import annotations

import pytest
from graphql import parse

from graph_service.graphql.observed import operation_label


@pytest.mark.parametrize(
    ("document", "operation_name", "label"),
    [
        ("query ClientChosenName { household(id: 1) { name } }", None, "household"),
        ("{ a: household(id: 1) { name } b: household(id: 2) { name } }", None, "household"),
        ("mutation M { createPerson(input: {}) { id } }", "M", "createPerson"),
        ("{ __typename household(id: 1) { name } }", None, "household"),
        ("{ household(id: 1) { name } people { id } }", None, "multiple"),
        ("query { ...Root } fragment Root on Query { person(id: 1) { id } }", None, "person"),
        ("{ ... on Query { households { id } } }", None, "households"),
        ("query A { household { id } } query B { people { id } }", "B", "people"),
        ("query A { household { id } }", "NoSuchOperation", "none"),
        ("{ __schema { types { name } } }", None, "__schema"),
    ],
)
def test_operation_label(document: str, operation_name: str | None, label: str) -> None:
    assert operation_label(parse(document), operation_name) == label
