from __future__ import annotations

import httpx

import graph_service


def test_graphql_answers_a_trivial_query(http: httpx.Client) -> None:
    response = http.post("/graphql", json={"query": "{ service { name version } }"})
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    assert body["data"]["service"] == {
        "name": "household-graph-service",
        "version": graph_service.__version__,
    }


def test_probes_report_live_and_ready(http: httpx.Client) -> None:
    assert http.get("/healthz").json() == {"status": "ok"}
    ready = http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "neo4j": "reachable"}


def test_graphql_refuses_queries_over_get(http: httpx.Client) -> None:
    response = http.get("/graphql", params={"query": "{ service { name } }"})
    assert response.status_code in {400, 405}
