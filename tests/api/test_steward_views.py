"""The steward views through the API, for a district-wide read-only steward."""

from __future__ import annotations

from typing import Any

from graph_service.graphql.ids import to_global_id
from graph_service.testing.world import World


def test_a_steward_draws_the_network_and_finds_a_connection(as_staff: Any, world: World) -> None:
    steward = as_staff("steward")
    ana = to_global_id("Person", world.people["lincoln_student"])
    leo = to_global_id("Person", world.people["elm_student"])
    network = steward.data(
        "query($id: ID!) { relationshipNetwork(personId: $id, depth: 2) { truncated "
        "nodes { id kind label depth } edges { kind source target label } } }",
        id=ana,
    )["relationshipNetwork"]
    labels = {node["label"] for node in network["nodes"]}
    assert {"Ana Rivera", "Jose Rivera", "Maria Rivera"} <= labels
    assert any(edge["label"] == "Father" for edge in network["edges"])
    node_ids = {node["id"] for node in network["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in network["edges"])

    connection = steward.data(
        "query($a: ID!, $b: ID!) { connection(fromPersonId: $a, toPersonId: $b) { length "
        "paths { description } } }",
        a=ana,
        b=leo,
    )["connection"]
    assert connection["length"] == 2  # Ana <- Jose (father of both) -> Leo


def test_the_census_report_counts_every_rule(as_staff: Any) -> None:
    report = as_staff("district").data("{ censusReport { rule count } }")["censusReport"]
    rules = {item["rule"]: item["count"] for item in report}
    assert len(rules) == 8
    # Kim Park is enrolled and has no guardian in the world.
    assert rules["STUDENT_WITHOUT_GUARDIAN"] >= 1
