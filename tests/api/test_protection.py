"""Limits and hardening: depth, aliases, tokens, cost, batching, masking, introspection."""

from __future__ import annotations

from typing import Any

import httpx

from graph_service.graphql.limits import MAX_ALIASES, MAX_DEPTH
from tests.api.conftest import GraphQLClient

PERSON_SCALARS = (
    "id firstName middleName lastName suffix preferredName birthDate gender studentNumber "
    "stateId version createdAt updatedAt asOf"
)


def _codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


def test_deep_queries_are_refused(as_staff: Any) -> None:
    nesting = "members { person { memberships { household { " * 4
    query = '{ household(id: "x") { ' + nesting + "name" + " } } } }" * 4 + " } }"
    body = as_staff("lincoln_office").post(query)
    assert _codes(body) == ["BAD_USER_INPUT"]
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]
    assert MAX_DEPTH < 4 * 4


def test_too_many_aliases_are_refused(as_staff: Any) -> None:
    aliases = " ".join(f"a{i}: service {{ name }}" for i in range(MAX_ALIASES + 1))
    body = as_staff("lincoln_office").post("{ " + aliases + " }")
    assert _codes(body) == ["BAD_USER_INPUT"]
    assert "aliases" in body["errors"][0]["message"]


def test_huge_documents_are_refused(as_staff: Any) -> None:
    fields = " ".join("__typename" for _ in range(4000))
    body = as_staff("lincoln_office").post("{ " + fields + " }")
    assert _codes(body) == ["BAD_USER_INPUT"]
    assert "token" in body["errors"][0]["message"].lower()


def test_expensive_queries_are_refused_before_they_run(as_staff: Any) -> None:
    related = f"person {{ {PERSON_SCALARS} }} label type otherFirstName otherLastName"
    per_person = (
        f"{PERSON_SCALARS} householdRelationships {{ {related} }} "
        f"nonHouseholdRelationships {{ {related} }} guardians {{ {related} }} "
        f"emergencyContacts {{ {related} }}"
    )
    query = (
        '{ people(by: {lastName: "a"}, first: 100) { nodes { '
        + per_person
        + " memberships { household { members { person { "
        + per_person
        + " } } } } } } }"
    )
    body = as_staff("lincoln_office").post(query)
    assert _codes(body) == ["BAD_USER_INPUT"]
    assert "too expensive" in body["errors"][0]["message"]


def test_page_size_is_capped(as_staff: Any) -> None:
    body = as_staff("lincoln_office").post(
        '{ households(by: {namePrefix: "R"}, first: 101) { nodes { id } } }'
    )
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"}


def test_operation_batching_is_off(http: httpx.Client) -> None:
    response = http.post(
        "/graphql", json=[{"query": "{ service { name } }"}, {"query": "{ service { name } }"}]
    )
    assert response.status_code == 400


def test_suggestions_do_not_map_the_schema(anonymous: GraphQLClient) -> None:
    body = anonymous.post("{ househol { id } }")
    message = body["errors"][0]["message"]
    assert "Did you mean" not in message
    assert "household" not in message
    assert _codes(body) == ["BAD_USER_INPUT"]


def test_graphiql_is_served_in_development(http: httpx.Client) -> None:
    page = http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()
