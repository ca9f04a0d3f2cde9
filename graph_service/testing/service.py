"""The service running on a loopback port in a background thread, for tests over HTTP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from graph_service.access.settings import AccessSettings
from graph_service.app import create_app
from graph_service.clock import Clock
from graph_service.settings import Settings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_service(
    settings: Settings,
    *,
    clock: Clock | None = None,
    access: AccessSettings | None = None,
    provisioning: bool | None = None,
) -> Iterator[str]:
    """Serve the app under uvicorn until the block ends; yields its base URL. Several may run
    at once: each is a replica with its own driver (and, with `provisioning`, its own
    periodic sweep)."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, clock=clock, access=access, provisioning=provisioning),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="graph-service-under-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the service did not start; see the log above")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
