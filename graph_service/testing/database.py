"""A real Neo4j for a test run: NEO4J_URI, else a Docker container, else the managed server."""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graph_service.localdb import LocalNeo4j
from graph_service.localdb.config import ServerLayout
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings, default_state_dir

NEO4J_IMAGE = "neo4j:5.26-community"
TEST_PORT = 7688  # beside, not on, the development server's 7687


@dataclass(frozen=True)
class TestDatabase:
    """Where the test database answers, and how it was provided."""

    __test__ = False  # not a pytest test class

    uri: str
    user: str
    password: str
    database: str
    source: str  # "NEO4J_URI", "testcontainers" or "local"

    def settings(self, **overrides: object) -> Settings:
        values: dict[str, object] = {
            "env": "test",
            "neo4j_uri": self.uri,
            "neo4j_user": self.user,
            "neo4j_password": self.password,
            "neo4j_database": self.database,
        }
        values.update(overrides)
        return Settings.model_validate(values)


def docker_available() -> bool:
    """True when a Docker daemon answers `/_ping` (not merely when the CLI is installed)."""
    host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    try:
        if host.startswith("unix://"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.settimeout(3)
                conn.connect(host.removeprefix("unix://"))
                conn.sendall(b"GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n")
                status_line = conn.recv(64).split(b"\r\n", 1)[0]
                return status_line.startswith(b"HTTP/1.") and b" 200" in status_line
        host_port = host.removeprefix("tcp://").split("/")[0]
        name, _, port = host_port.rpartition(":")
        with socket.create_connection((name, int(port)), timeout=3):
            return True
    except (OSError, ValueError):
        return False


def local_test_server(*, quick_start: bool = False) -> LocalNeo4j:
    """The managed server that tests use: its own home and port, small memory
    (`quick_start`: JVM settings for a short-lived server, see `LocalNeo4j`)."""
    home = Path(
        os.environ.get("GRAPH_SERVICE_TEST_NEO4J_HOME") or default_state_dir() / "neo4j-test"
    )
    port = int(os.environ.get("GRAPH_SERVICE_TEST_NEO4J_PORT") or TEST_PORT)
    settings = Settings()
    return LocalNeo4j(
        home=home,
        port=port,
        password=DEV_NEO4J_PASSWORD,
        jar_cache_dir=settings.jar_cache_dir,
        heap="512m",
        pagecache="128m",
        quick_start=quick_start,
    )


@contextlib.contextmanager
def provide_test_database(
    *, quick_start: bool = False, before_start: Callable[[ServerLayout], object] | None = None
) -> Iterator[TestDatabase]:
    """Yield a running Neo4j for the whole test run and stop whatever was started for it.
    For the managed server, `before_start` sees its home first when it is not running (to
    put a prebuilt store there) and `quick_start` picks short-lived JVM settings."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield TestDatabase(
            uri=uri,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", DEV_NEO4J_PASSWORD),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
            source="NEO4J_URI",
        )
        return
    if docker_available():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer(NEO4J_IMAGE, password=DEV_NEO4J_PASSWORD) as container:
            yield TestDatabase(
                uri=container.get_connection_url(),
                user="neo4j",
                password=DEV_NEO4J_PASSWORD,
                database="neo4j",
                source="testcontainers",
            )
        return
    server = local_test_server(quick_start=quick_start)
    was_running = server.status().running
    if not was_running and before_start is not None:
        before_start(server.layout)
    server.start()
    try:
        yield TestDatabase(
            uri=server.bolt_uri,
            user="neo4j",
            password=DEV_NEO4J_PASSWORD,
            database="neo4j",
            source="local",
        )
    finally:
        if not was_running:
            server.stop()
