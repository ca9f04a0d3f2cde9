"""`graph-service serve --workers 2`: two processes serve the same database, each reading the
caller's grant itself, and the command stops them on SIGINT."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph_service.auth.tokens import mint_development_token
from graph_service.settings import Settings
from graph_service.testing.service import free_port
from graph_service.testing.world import NOW, World


def test_serve_with_two_workers_answers_reads(settings: Settings, world: World) -> None:
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": settings.bolt_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "GRAPH_SERVICE_ENV": "development",
        "GRAPH_SERVICE_PINNED_CLOCK": NOW.isoformat(),
    }
    command = [str(Path(sys.executable).with_name("graph-service")), "serve", "--port",
               str(port), "--workers", "2"]  # fmt: skip
    service = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        token = mint_development_token(settings, world.staff["lincoln_office"])
        query = '{ households(by: {namePrefix: "Rivera"}) { nodes { name } } }'
        for _ in range(6):  # spread over both workers
            headers = {"authorization": f"Bearer {token}"}
            body = httpx.post(url + "/graphql", json={"query": query}, headers=headers).json()
            assert "errors" not in body, body
            assert [n["name"] for n in body["data"]["households"]["nodes"]] == ["Rivera (Main St)"]
    finally:
        service.send_signal(signal.SIGINT)
        output = service.communicate(timeout=60)[0].decode()
    assert output.count("Started server process") == 2, output
    assert service.returncode == 0, output
