"""`graph-service serve --workers 2`: /metrics adds up every worker's counts (and the sweep
`serve` runs itself), and every process logs JSON when told to."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from graph_service.auth.tokens import mint_development_token
from graph_service.settings import Settings
from graph_service.testing.service import free_port
from graph_service.testing.world import NOW, World

SEARCH = '{ households(by: {namePrefix: "Rivera"}) { nodes { name } } }'


def _sample(text: str, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return sample.value
    return 0.0


def _wait_ready(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("the service did not become ready")


def test_two_workers_share_their_counts_and_log_json(settings: Settings, world: World) -> None:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"},
        "NEO4J_URI": settings.bolt_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "GRAPH_SERVICE_ENV": "development",
        "GRAPH_SERVICE_PINNED_CLOCK": NOW.isoformat(),  # the sweep at NOW changes nothing
        "GRAPH_SERVICE_LOG_FORMAT": "json",
    }
    command = [str(Path(sys.executable).with_name("graph-service")), "serve", "--port",
               str(port), "--workers", "2"]  # fmt: skip
    service = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    token = mint_development_token(settings, world.staff["lincoln_office"])
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_ready(url)
        with httpx.Client(base_url=url, timeout=30) as client:
            for _ in range(8):  # new connections: spread over both workers
                body = httpx.post(
                    url + "/graphql",
                    json={"query": SEARCH},
                    headers={"authorization": f"Bearer {token}", "connection": "close"},
                ).json()
                assert "errors" not in body, body
            deadline = time.monotonic() + 30
            while True:  # the sweep `serve` runs in its own thread may still be running
                text = client.get("/metrics").text
                swept = _sample(text, "graph_service_provisioning_sweeps_total", outcome="ok")
                if swept or time.monotonic() > deadline:
                    break
                time.sleep(0.5)
    finally:
        service.send_signal(signal.SIGINT)
        output = service.communicate(timeout=60)[0].decode()
    assert service.returncode == 0, output

    searches = {"operation": "households", "outcome": "ok"}
    assert _sample(text, "graph_service_graphql_requests_total", **searches) == 8, text
    assert swept >= 1, text

    lines: list[dict[str, Any]] = [
        json.loads(line) for line in output.splitlines() if line.startswith("{")
    ]
    requests = [line for line in lines if line["logger"] == "graph_service.requests"]
    assert [line["operation"] for line in requests] == ["households"] * 8, output
    served_by = [line["message"] for line in lines if "Started server process" in line["message"]]
    assert len(served_by) == 2, output
    assert len(set(served_by)) == 2, output  # two processes, each its own pid
    assert token not in output
