"""The managed local Neo4j: a real server started, probed, stopped and wiped.

These tests run their own server (own home, own port) beside the suite's database, so they
can stop it without disturbing other tests.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError
from starlette.testclient import TestClient

from graph_service.app import create_app
from graph_service.db.availability import PLAN_AGAIN_SECONDS
from graph_service.db.cypher import cypher
from graph_service.localdb import LocalNeo4j, LocalNeo4jError
from graph_service.localdb.errors import PortInUse, ServerExited, ToolMissing
from graph_service.settings import Settings

pytestmark = [
    pytest.mark.localdb,
    pytest.mark.skipif(shutil.which("java") is None, reason="needs Java 17"),
]
PASSWORD = "local-test-password"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _server(home: Path, **overrides: str) -> LocalNeo4j:
    # Quick-start JVM settings (the client compiler only, docs/local-neo4j.md): a start
    # costs about half the CPU, and these servers live for seconds.
    return LocalNeo4j(
        home=home,
        port=_free_port(),
        password=PASSWORD,
        jar_cache_dir=Settings().jar_cache_dir,
        heap=overrides.get("heap", "384m"),
        pagecache=overrides.get("pagecache", "64m"),
        quick_start=True,
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    local = _server(tmp_path_factory.mktemp("local-neo4j"))
    yield local
    local.stop()


def _listening_addresses(pid: int) -> list[str]:
    listing = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True, check=True)
    return [line.split()[3] for line in listing.stdout.splitlines() if f"pid={pid}," in line]


def _count_markers(server: LocalNeo4j) -> int:
    with GraphDatabase.driver(server.bolt_uri, auth=("neo4j", PASSWORD)) as driver:
        records, _, _ = driver.execute_query(cypher("testing/count_marker_nodes"))
        count: int = records[0]["count"]
        return count


def test_start_status_stop_round_trip_and_readiness_while_down(server: LocalNeo4j) -> None:
    """One server lifecycle for two stories (each start costs seconds of JVM): the start, stop
    and status round trip, and the service's readiness following Neo4j down and back up."""
    assert not server.status().running

    started = server.start()
    assert started.running
    assert started.pid is not None
    assert server.status().pid == started.pid

    began = time.monotonic()
    again = server.start()
    assert again.pid == started.pid, "a second start must reuse the running server"
    assert time.monotonic() - began < 2

    settings = Settings.model_validate(
        {"env": "test", "neo4j_uri": server.bolt_uri, "neo4j_password": PASSWORD}
    )
    with TestClient(create_app(settings)) as client:
        assert client.get("/readyz").status_code == 200
        assert client.get("/healthz").json() == {"status": "ok"}

        assert server.stop().running is False
        assert server.status().running is False
        assert server.stop().running is False  # stopping a stopped server is harmless
        down = client.get("/readyz")
        assert down.status_code == 503
        assert down.json()["neo4j"] == "unreachable"
        assert client.get("/healthz").status_code == 200  # the process itself is alive

        # Ready again once the availability monitor has seen Neo4j answer and had it plan the
        # service's statements again (db/warm_plans.py), within PLAN_AGAIN_SECONDS of a ping.
        assert server.start().running
        deadline = time.monotonic() + PLAN_AGAIN_SECONDS + 5
        while (ready := client.get("/readyz")).status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.status_code == 200, ready.json()


def test_server_listens_on_loopback_only(server: LocalNeo4j) -> None:
    status = server.start()
    assert status.pid is not None
    addresses = _listening_addresses(status.pid)
    assert addresses, "the server should listen for Bolt"
    for address in addresses:
        host = address.rsplit(":", 1)[0].removeprefix("[::ffff:").rstrip("]")
        assert host == "127.0.0.1", f"listening beyond loopback: {address}"
    assert {address.rsplit(":", 1)[1] for address in addresses} == {str(server.port)}


def test_authentication_is_on_with_the_configured_password(server: LocalNeo4j) -> None:
    server.start()
    with (
        GraphDatabase.driver(server.bolt_uri, auth=("neo4j", "neo4j")) as driver,
        pytest.raises(AuthError),
    ):
        driver.verify_connectivity()
    assert _count_markers(server) >= 0


def test_reset_wipes_the_data(server: LocalNeo4j) -> None:
    server.start()
    with GraphDatabase.driver(server.bolt_uri, auth=("neo4j", PASSWORD)) as driver:
        driver.execute_query(cypher("testing/create_marker_node"))
    assert _count_markers(server) == 1

    status = server.reset()
    assert status.running, "reset restarts a server that was running"
    assert _count_markers(server) == 0


def test_start_on_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    local = _server(tmp_path)
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", local.port))
        squatter.listen()
        with pytest.raises(PortInUse, match=f"127.0.0.1:{local.port} is already taken"):
            local.start()
    assert not local.status().running


def test_missing_java_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolMissing, match="Java 17 was not found"):
        _server(tmp_path).start()


def test_server_exiting_during_start_shows_its_log(tmp_path: Path) -> None:
    # More page cache than the machine has: Neo4j refuses its configuration and exits.
    local = _server(tmp_path, pagecache="4096g")
    with pytest.raises(ServerExited) as error:
        local.start()
    assert "code 3 (invalid configuration)" in str(error.value)
    assert "exceeds physical memory" in str(error.value)
    assert isinstance(error.value, LocalNeo4jError)
    assert not local.status().running
