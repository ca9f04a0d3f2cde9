"""What operations watch, through HTTP: /metrics after a mixed workload, one JSON log line
per request with no secret or query text in any line, and the X-Request-ID header."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from graph_service.auth.principal import PlatformRole
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.graphql.ids import to_global_id
from graph_service.observability.logs import json_formatter
from graph_service.settings import Settings
from graph_service.testing.service import running_service
from graph_service.testing.world import World
from tests.api.conftest import GraphQLClient

HOUSEHOLD = "query($id: ID!) { household(id: $id) { name } }"
SEARCH = '{ households(by: {namePrefix: "Rivera"}) { nodes { name } } }'
CREATE_PERSON = "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }"
FEED = "mutation($c: String!) { ingestAccessEvents(content: $c, format: JSONL) { applied } }"
REJECTED_FEED_ROW = json.dumps(
    {"type": "course-completed", "employeeId": "E-NO-GRANT", "source": "lms",
     "occurredAt": "2026-09-15T08:00:00-05:00", "courseId": "NO-SUCH-COURSE"}
)  # fmt: skip

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(http: httpx.Client, **headers: str) -> tuple[str, Samples]:
    response = http.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    samples = {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }
    return response.text, samples


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def moved(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


def _household(world: World) -> str:
    return to_global_id("Household", world.households["lincoln"])


def _mixed_workload(as_staff: Any, world: World) -> None:
    """A household read, a search, two refused reads, a write and a bad write."""
    office: GraphQLClient = as_staff("lincoln_office")
    assert office.data(HOUSEHOLD, id=_household(world))["household"] is not None
    assert office.data(SEARCH)["households"]["nodes"]
    # Another school's clerk: out of scope, answered as missing (and audited).
    assert as_staff("elm_office").data(HOUSEHOLD, id=_household(world))["household"] is None
    refused = as_staff("no_grant").post(HOUSEHOLD, id=_household(world))
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    person = {"firstName": "Metra", "lastName": "Scrapewell", "birthDate": "2015-01-01",
              "confirmNotDuplicate": True}  # fmt: skip
    assert office.data(CREATE_PERSON, input=person)["createPerson"]["id"]
    bad = office.post(CREATE_PERSON, input={**person, "birthDate": "2015-02-30"})
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_metrics_count_a_mixed_workload(http: httpx.Client, as_staff: Any, world: World) -> None:
    _, before = scrape(http)
    _mixed_workload(as_staff, world)
    text, after = scrape(http)

    requests = "graph_service_graphql_requests_total"
    assert moved(before, after, requests, operation="household", outcome="ok") == 2
    assert moved(before, after, requests, operation="household", outcome="FORBIDDEN") == 1
    assert moved(before, after, requests, operation="households", outcome="ok") == 1
    assert moved(before, after, requests, operation="createPerson", outcome="ok") == 1
    assert moved(before, after, requests, operation="createPerson", outcome="BAD_USER_INPUT") == 1
    latency = "graph_service_graphql_request_duration_seconds_count"
    assert moved(before, after, latency, operation="household") == 3
    assert moved(before, after, "graph_service_graphql_request_duration_seconds_bucket",
                 operation="household", le="+Inf") == 3  # fmt: skip

    denials = "graph_service_access_denials_total"
    assert moved(before, after, denials, reason="out_of_scope") == 1
    assert moved(before, after, denials, reason="no_active_grant") == 1

    # Each read is one round trip (the caller's grant is read inside it); the write at least
    # one; the refused read's audit entry is written at once.
    trips = "graph_service_neo4j_transactions_total"
    assert moved(before, after, trips, kind="read", outcome="ok") >= 4
    assert moved(before, after, trips, kind="write", outcome="ok") >= 2
    assert moved(before, after, "graph_service_neo4j_transaction_duration_seconds_count",
                 kind="read") >= 4  # fmt: skip

    grants = {status: value(after, "graph_service_access_grants", status=status)
              for status in ("pending", "active", "expired", "revoked")}  # fmt: skip
    assert grants["active"] >= 4  # the world's Lincoln, Elm, teacher, district and steward
    assert min(grants["pending"], grants["expired"], grants["revoked"]) >= 1

    # Names and codes only: no employee id, record id or name of anyone.
    for secret in [*world.staff.values(), *world.households.values(), *world.people.values(),
                   "Rivera", "Scrapewell"]:  # fmt: skip
        assert secret not in text


def test_metrics_count_feed_rows_transitions_and_sweeps(
    http: httpx.Client, as_staff: Any, rebuilt_world_after: World
) -> None:
    """Two refused feed rows (a course the policy does not require, a line that is not JSON),
    a departure that revokes an active grant at once, and a sweep by hand."""
    _, before = scrape(http)
    feed = as_staff("district", PlatformRole.INTEGRATION_FEED)
    departed = json.dumps(
        {"type": "departed", "employeeId": rebuilt_world_after.staff["elm_office"],
         "source": "hr", "occurredAt": "2026-09-15T08:00:00-05:00"}
    )  # fmt: skip
    content = f"{REJECTED_FEED_ROW}\nnot json\n{departed}\n"
    assert feed.data(FEED, c=content)["ingestAccessEvents"] == {"applied": 1}
    as_staff("district", PlatformRole.ACCESS_ADMIN).data(
        "mutation { runProvisioning { activated } }"
    )
    _, after = scrape(http)

    rows = "graph_service_feed_rows_total"
    assert moved(before, after, rows, outcome="rejected") == 2
    assert moved(before, after, rows, outcome="applied") == 1
    transitions = "graph_service_grant_transitions_total"
    revoked = {"from_status": "active", "to_status": "revoked"}
    assert moved(before, after, transitions, source="feed", **revoked) == 1
    assert moved(before, after, "graph_service_provisioning_sweeps_total", outcome="ok") == 1
    assert moved(before, after, "graph_service_provisioning_sweep_duration_seconds_count",
                 outcome="ok") == 1  # fmt: skip


def _request_lines(records: list[logging.LogRecord]) -> list[dict[str, Any]]:
    formatter = json_formatter()
    lines = [json.loads(formatter.format(r)) for r in records]
    return [line for line in lines if line["logger"] == "graph_service.requests"]


def test_each_request_logs_one_json_line_without_secrets(
    http: httpx.Client, settings: Settings, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    token = mint_development_token(settings, world.staff["lincoln_office"])
    query = 'query Tattle { households(by: {namePrefix: "Quetzalcoatl"}) { nodes { name } } }'
    sent = {"authorization": f"Bearer {token}", "x-request-id": "trace-0001"}
    read = http.post("/graphql", json={"query": query}, headers=sent)
    assert "errors" not in read.json()
    bad = http.post(
        "/graphql",
        json={"query": CREATE_PERSON, "variables": {"input": {"firstName": "Zebulon"}}},
        headers={"authorization": f"Bearer {token}"},
    )
    assert bad.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    anonymous = http.post("/graphql", json={"query": query})
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    unparsed = http.post("/graphql", json={"query": "{ households(by: "}, headers=sent)
    assert unparsed.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"

    first, second, third, fourth = _request_lines(caplog.records)  # one line per request
    responses = (read, bad, anonymous, unparsed)
    assert [line["request_id"] for line in (first, second, third, fourth)] == [
        response.headers["x-request-id"] for response in responses
    ]
    assert first == first | {
        "request_id": "trace-0001", "level": "INFO", "method": "POST", "path": "/graphql",
        "operation": "households", "employee_id": world.staff["lincoln_office"],
        "outcome": "ok", "status": 200,
    }  # fmt: skip
    assert isinstance(first["duration_ms"], float)
    assert first["duration_ms"] > 0
    assert "time" in first
    # Variables are checked once the operation is known; a document that does not parse
    # names no operation.
    assert (second["operation"], second["outcome"]) == ("createPerson", "BAD_USER_INPUT")
    assert second["request_id"] != first["request_id"]
    assert (third["employee_id"], third["outcome"]) == (None, "UNAUTHENTICATED")
    assert (fourth["operation"], fourth["outcome"]) == ("none", "BAD_USER_INPUT")

    formatter = json_formatter()
    for record in caplog.records:
        line = formatter.format(record)
        json.loads(line)
        for secret in (token, "Quetzalcoatl", "Tattle", "Zebulon", "namePrefix"):
            assert secret not in line


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("0b6c7a52-5f0d-4a38-9e0a-8f7f2d8c1e11", True),
        ("edge.proxy:request_42", True),
        ("two words", False),
        ('"}{"injected":1', False),
        ("x" * 129, False),
        ("", False),
    ],
)
def test_request_id_is_echoed_when_sane_and_replaced_otherwise(
    http: httpx.Client, sent: str, kept: bool
) -> None:
    response = http.get("/healthz", headers={"x-request-id": sent})
    returned = response.headers["x-request-id"]
    if kept:
        assert returned == sent
    else:
        assert returned != sent
        assert len(returned) == 32
        assert returned.isalnum()


def test_a_body_refused_at_the_edge_is_counted_logged_and_has_an_id(
    http: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    _, before = scrape(http)
    oversized = b'{"query": "' + b"x" * 1_100_000 + b'"}'
    refused = http.post("/graphql", content=oversized, headers={"content-type": "application/json"})
    assert refused.status_code == 413
    _, after = scrape(http)
    requests = "graph_service_graphql_requests_total"
    assert moved(before, after, requests, operation="none", outcome="BAD_USER_INPUT") == 1
    [line] = _request_lines(caplog.records)
    assert line["request_id"] == refused.headers["x-request-id"]
    assert (line["status"], line["outcome"]) == (413, "BAD_USER_INPUT")


def test_every_response_carries_a_fresh_request_id(http: httpx.Client) -> None:
    ids = {http.post("/graphql", json={"query": "{ service { name } }"}).headers["x-request-id"]
           for _ in range(3)}  # fmt: skip
    assert len(ids) == 3


@pytest.fixture
def token_guarded_url(settings: Settings, clock: FixedClock) -> Iterator[str]:
    guarded = settings.model_copy(update={"metrics_token": SecretStr("s" * 24)})
    with running_service(guarded, clock=clock) as url:
        yield url


def test_a_scrape_token_guards_metrics_when_set(token_guarded_url: str) -> None:
    with httpx.Client(base_url=token_guarded_url, timeout=30) as client:
        assert client.get("/metrics").status_code == 401
        wrong = client.get("/metrics", headers={"authorization": "Bearer " + "t" * 24})
        assert wrong.status_code == 401
        text, _ = scrape(client, authorization="Bearer " + "s" * 24)
        assert "graph_service_graphql_requests_total" in text
