"""`graph-service serve --workers 2`: two processes serve the same database, each reading the
caller's grant itself, and the command stops them, and every process they started, on
SIGINT."""

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


def _descendants(pid: int) -> set[int]:
    """The process's children, theirs, and so on (uvicorn's workers, their heavy-work fork
    servers and worker processes)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, pending = set(), [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.add(child)
            pending.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent's wait is missing


def test_serve_with_two_workers_answers_reads_and_leaves_no_process_behind(
    settings: Settings, world: World
) -> None:
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
        # A large document, checked in a worker's heavy-work process.
        large = httpx.post(url + "/graphql", json={"query": "{ service { name } }" + " " * 3000})
        assert large.json()["data"]["service"]["name"]
        started = _descendants(service.pid)
    finally:
        service.send_signal(signal.SIGINT)
        output = service.communicate(timeout=60)[0].decode()
    assert output.count("Started server process") == 2, output
    assert service.returncode == 0, output
    # uvicorn's two workers, and each one's fork server, heavy-work worker and resource
    # tracker: all ended with the command.
    assert len(started) >= 2 * 3, started
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in started if _alive(pid)]
