"""Large documents and bodies are parsed and checked in the heavy-work process: refused with
the errors they always had, run when valid; neither the worst documents nor a check past its
budget keep the service from answering."""

from __future__ import annotations

import gc
import json
import threading
from types import FrameType
from typing import Any

import httpx

from graph_service.clock import FixedClock
from graph_service.graphql.heavy_work import HEAVY_QUERY_CHARS
from graph_service.settings import Settings
from graph_service.testing.service import running_service
from tests.api.conftest import GraphQLClient

PADDING = " " * HEAVY_QUERY_CHARS  # past the size checked in the event loop's process
JSON = {"content-type": "application/json"}
# Bounds for an answer to come at all (the old service held /healthz for 15 s and more).
ANSWER_WITHIN_SECONDS = 10.0


def _doubling_fragments(levels: int) -> str:
    fragments = [f"fragment F{n} on Query {{ ...F{n + 1} ...F{n + 1} }}" for n in range(levels)]
    fragments.append(f"fragment F{levels} on Query {{ a: __typename }}")
    return "{ ...F0 }\n" + "\n".join(fragments)


WORST = {
    "doubling fragments": json.dumps({"query": _doubling_fragments(40)}).encode(),
    "same-named fields": json.dumps({"query": "{ " + "__typename " * 2990 + "}"}).encode(),
    "over the token limit": json.dumps({"query": "{ " + "__typename " * 4000 + "}"}).encode(),
    "small JSON objects": json.dumps(
        {"query": "{ service { name } }", "variables": {"pad": [{"a": 1}] * 100_000}}
    ).encode(),
}


def _codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


def test_a_large_valid_document_is_run(anonymous: GraphQLClient) -> None:
    assert anonymous.data("{ service { name } }" + PADDING)["service"]["name"]


def test_a_large_invalid_document_is_refused_with_its_errors_and_where(
    anonymous: GraphQLClient,
) -> None:
    body = anonymous.post("{ service { name nosuch } }" + PADDING)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert "nosuch" in error["message"]
    assert error["locations"] == [{"line": 1, "column": 18}]

    syntax = anonymous.post("{ service { name " + PADDING)
    assert _codes(syntax) == ["BAD_USER_INPUT"]
    assert syntax["errors"][0]["message"].startswith("Syntax Error")


def test_a_refused_literal_in_a_large_document_names_its_argument(as_staff: Any) -> None:
    body = as_staff("district").post('{ censusReport(asOf: "0001-01-01") { rule } }' + PADDING)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "asOf"}


def test_the_worst_documents_leave_the_service_answering(service_url: str) -> None:
    answers: list[tuple[int, list[str]]] = []

    def send_each() -> None:
        with httpx.Client(base_url=service_url, timeout=60) as client:
            for content in WORST.values():
                response = client.post("/graphql", content=content, headers=JSON)
                answers.append((response.status_code, _codes(response.json())))

    senders = [threading.Thread(target=send_each) for _ in range(4)]
    for sender in senders:
        sender.start()
    probes = []
    with httpx.Client(base_url=service_url, timeout=ANSWER_WITHIN_SECONDS) as client:
        while any(sender.is_alive() for sender in senders):
            probes.append(client.get("/healthz").status_code)
    for sender in senders:
        sender.join()

    assert probes  # asked while the worst were being checked
    assert set(probes) == {200}
    assert len(answers) == 4 * len(WORST)
    assert {codes[0] for _, codes in answers if len(codes) == 1} == {"BAD_USER_INPUT"}
    assert all(len(codes) == 1 for _, codes in answers), answers


def test_a_check_past_its_budget_is_refused_and_the_next_gets_a_new_worker(
    settings: Settings, clock: FixedClock
) -> None:
    # A budget no check of the 2,990-field document fits in (its parse alone takes longer).
    hurried = settings.model_copy(update={"max_check_seconds": 0.005})
    with (
        running_service(hurried, clock=clock) as url,
        httpx.Client(base_url=url, timeout=ANSWER_WITHIN_SECONDS) as client,
    ):
        for _ in range(2):  # the second on the worker that replaced the stopped one
            response = client.post("/graphql", content=WORST["same-named fields"], headers=JSON)
            [error] = response.json()["errors"]
            assert error["extensions"] == {"code": "BAD_USER_INPUT"}
            assert "could not be checked: its check took longer than" in error["message"]
            assert client.get("/healthz").status_code == 200
        small = client.post("/graphql", json={"query": "{ service { name } }"}).json()
        assert small["data"]["service"]["name"]


def test_answered_refusals_leave_no_traceback_holding_their_request(service_url: str) -> None:
    # A refusal's traceback held its frames, they the request (its 1 MB body) and the error:
    # a cycle that waited for the collector's rare full pass (20-35 MB after the hostile bench).
    refused = [
        WORST["small JSON objects"],  # refused in the heavy-work process
        WORST["over the token limit"],
        json.dumps({"query": '{ node(id: "x") { id } }' + PADDING}).encode(),  # anonymous
        json.dumps({"query": '{ node(id: "x") { id } }'}).encode(),
    ]
    gc.collect()
    gc.disable()  # nothing collected before the look below
    try:
        with httpx.Client(base_url=service_url, timeout=ANSWER_WITHIN_SECONDS) as client:
            for content in refused:
                assert _codes(client.post("/graphql", content=content, headers=JSON).json())
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        held = [
            found
            for found in gc.garbage
            if (isinstance(found, BaseException) and found.__traceback__ is not None)
            or (isinstance(found, FrameType) and "graph_service" in found.f_code.co_filename)
        ]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert held == []
