"""Guessing ids reveals nothing: random ids and real ids of another school's households
answer exactly alike through `node`, `nodes` and aliases, and the alias limit holds."""

from __future__ import annotations

import json
import uuid
from typing import Any

from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.graphql.ids import to_global_id
from graph_service.graphql.limits import MAX_ALIASES
from graph_service.settings import Settings
from tests.api.conftest import GraphQLClient

COUNT = 1000
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Household { name } } }"


def _through_nodes(client: GraphQLClient, ids: list[str]) -> list[Any]:
    answers: list[Any] = []
    for start in range(0, len(ids), 100):
        answers += client.data(NODES, ids=ids[start : start + 100])["nodes"]
    return answers


def _through_aliases(client: GraphQLClient, ids: list[str], field: str) -> list[Any]:
    answers: list[Any] = []
    for start in range(0, len(ids), MAX_ALIASES):
        chunk = ids[start : start + MAX_ALIASES]
        selections = " ".join(
            f'a{i}: {field}(id: "{identifier}") {{ id }}' for i, identifier in enumerate(chunk)
        )
        answers += list(client.data("{ " + selections + " }").values())
    return answers


async def test_random_and_out_of_scope_ids_reveal_nothing(
    as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    real_ids = [str(uuid.uuid4()) for _ in range(COUNT)]
    await migrated_driver.execute_query(
        cypher("testing/create_households_at_school"),
        ids=real_ids,
        schoolId="elm",
        database_=settings.neo4j_database,
    )
    real = [to_global_id("Household", raw) for raw in real_ids]
    random = [to_global_id("Household", str(uuid.uuid4())) for _ in range(COUNT)]
    clerk = as_staff("lincoln_office")

    for ids in (random, real):
        assert _through_nodes(clerk, ids) == [None] * COUNT
        assert _through_aliases(clerk, ids, "node") == [None] * COUNT
        assert _through_aliases(clerk, ids[:300], "household") == [None] * 300

    # The Elm clerk, whose school these are, does see them: the ids were real.
    elm = _through_nodes(as_staff("elm_office"), real[:100])
    assert all(node is not None for node in elm)


def test_the_alias_limit_trips_for_mass_guessing(as_staff: Any) -> None:
    ids = [to_global_id("Household", str(uuid.uuid4())) for _ in range(MAX_ALIASES + 1)]
    selections = " ".join(f'a{i}: node(id: "{g}") {{ id }}' for i, g in enumerate(ids))
    body = as_staff("lincoln_office").post("{ " + selections + " }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body.get("data") is None
    assert "Household" not in json.dumps(body)
