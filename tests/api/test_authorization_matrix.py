"""Every root field and mutation, called by every kind of caller who must be refused.

A refusal carries the right code and no household or person data at all, and a refused
mutation changes nothing in the graph.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.auth.principal import PlatformRole
from graph_service.db.cypher import cypher
from graph_service.settings import Settings
from graph_service.testing.world import World
from tests.api.conftest import GraphQLClient
from tests.api.operations import (
    ACCESS_ADMIN,
    ADD,
    ADMIN_OR_FEED,
    DELETE,
    DISTRICT_READ,
    FEED,
    MUTATIONS,
    QUERIES,
    READ,
    WRITE,
    Operation,
)

OPERATIONS = {op.field: op for op in [*QUERIES, *MUTATIONS]}
WITHOUT_ACTIVE_GRANT = ["no_grant", "pending", "expired", "revoked", "departed"]
WORLD_NAMES = ["Rivera", "Park", "Ana", "Maria", "Jose", "Leo", "Kim", "Main", "Oak"]


def _denials() -> list[tuple[str, str, str]]:
    """(operation, caller, expected code) for every caller that must be refused."""
    cases = []
    for op in OPERATIONS.values():
        if op.needs != "anyone":
            cases.append((op.field, "anonymous", "UNAUTHENTICATED"))
        if op.household_data:
            cases += [(op.field, caller, "FORBIDDEN") for caller in WITHOUT_ACTIVE_GRANT]
            if op.needs in (WRITE, ADD, DELETE):
                cases.append((op.field, "steward", "FORBIDDEN"))  # read-only team
            if op.needs == DELETE:
                cases.append((op.field, "lincoln_teacher", "FORBIDDEN"))  # no Delete right
            if op.needs != READ and op.field not in ("createHousehold", "createPerson"):
                cases.append((op.field, "elm_office", "NOT_FOUND"))  # another school
        if op.needs == DISTRICT_READ:
            cases += [(op.field, caller, "FORBIDDEN") for caller in WITHOUT_ACTIVE_GRANT]
            cases.append((op.field, "lincoln_office", "FORBIDDEN"))  # a school's grant
        if op.needs in (ACCESS_ADMIN, FEED, ADMIN_OR_FEED):
            cases.append((op.field, "lincoln_office", "FORBIDDEN"))  # no platform role
        if op.needs == ACCESS_ADMIN:
            cases.append((op.field, "feed", "FORBIDDEN"))
        if op.needs == FEED:
            cases.append((op.field, "admin", "FORBIDDEN"))
    return cases


def _client(key: str, as_staff: Any, anonymous: GraphQLClient) -> GraphQLClient:
    if key == "anonymous":
        return anonymous
    if key == "feed":
        client: GraphQLClient = as_staff("E-LMS-FEED", PlatformRole.INTEGRATION_FEED)
        return client
    if key == "admin":
        admin: GraphQLClient = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
        return admin
    staff: GraphQLClient = as_staff(key)
    return staff


async def _snapshot(driver: AsyncDriver, settings: Settings) -> Any:
    records, _, _ = await driver.execute_query(
        cypher("testing/data_snapshot"), database_=settings.neo4j_database
    )
    return records[0].data()


def _assert_holds_no_family_data(body: dict[str, Any]) -> None:
    text = json.dumps(body.get("data"))
    leaked = [name for name in WORLD_NAMES if name in text]
    assert leaked == [], f"denied response leaks {leaked}: {text}"


@pytest.mark.parametrize(("field", "caller", "code"), _denials())
async def test_refused_callers_get_the_code_and_no_data(
    field: str,
    caller: str,
    code: str,
    as_staff: Any,
    anonymous: GraphQLClient,
    world: World,
    migrated_driver: AsyncDriver,
    settings: Settings,
) -> None:
    op: Operation = OPERATIONS[field]
    before = await _snapshot(migrated_driver, settings) if op in MUTATIONS else None

    body = _client(caller, as_staff, anonymous).post(op.query, **op.variables(world))

    codes = [error["extensions"]["code"] for error in body.get("errors", [])]
    assert codes == [code], body
    _assert_holds_no_family_data(body)
    if before is not None:
        assert await _snapshot(migrated_driver, settings) == before


def test_reads_from_another_school_see_only_that_school(as_staff: Any, world: World) -> None:
    client = as_staff("elm_office")
    for field in ("household", "person", "node"):
        op = OPERATIONS[field]
        assert client.data(op.query, **op.variables(world)) == {field: None}
    assert client.data(OPERATIONS["nodes"].query, **OPERATIONS["nodes"].variables(world)) == {
        "nodes": [None, None]
    }
    # Searches return Elm's own Riveras only: the Lincoln ones are filtered out.
    households = client.data(OPERATIONS["households"].query)["households"]["nodes"]
    assert [h["name"] for h in households] == ["Rivera (Oak Ave)"]
    people = client.data(OPERATIONS["people"].query)["people"]["nodes"]
    assert sorted(p["firstName"] for p in people) == ["Jose", "Leo"]


def test_a_forbidden_id_and_a_missing_id_answer_alike(as_staff: Any, world: World) -> None:
    client = as_staff("elm_office")
    op = OPERATIONS["editHousehold"]
    forbidden = client.post(op.query, **op.variables(world))
    missing_vars = op.variables(world)
    missing_vars["input"]["householdId"] = "8d0c2a1e-5f7b-4c39-9a51-0e6f1b2c3d4e"
    missing = client.post(op.query, **missing_vars)

    def shape(body: dict[str, Any]) -> Any:
        return [(e["extensions"], e["message"].split('"')[0]) for e in body["errors"]]

    assert shape(forbidden) == shape(missing)
    assert forbidden["data"] is None
    assert missing["data"] is None


def test_every_root_field_and_mutation_is_in_the_matrix() -> None:
    from graph_service.graphql.schema import schema

    query_type = schema.get_type_by_name("Query")
    mutation_type = schema.get_type_by_name("Mutation")
    assert query_type is not None
    assert mutation_type is not None
    names = {f.graphql_name or f.python_name for f in query_type.fields}  # type: ignore[union-attr]
    names |= {f.graphql_name or f.python_name for f in mutation_type.fields}  # type: ignore[union-attr]
    camel = {"".join(w if i == 0 else w.title() for i, w in enumerate(n.split("_"))) for n in names}
    assert camel == set(OPERATIONS)
