"""The service under test: `graph-service serve` in its own process, as users run it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx


def start_service(
    *, bolt_uri: str, password: str, port: int, pinned: str, log: Path, workers: int = 1
) -> subprocess.Popen[bytes]:
    """Start uvicorn through the CLI against `bolt_uri`, with the clock pinned at `pinned`
    (the instant the demo district was built, so its staff keep their access states)."""
    env = {
        **os.environ,
        "NEO4J_URI": bolt_uri,
        "NEO4J_PASSWORD": password,
        "GRAPH_SERVICE_ENV": "development",
        "GRAPH_SERVICE_PINNED_CLOCK": pinned,
        "GRAPH_SERVICE_PROVISION_INTERVAL_SECONDS": "3600",
    }
    command = [
        str(Path(sys.executable).with_name("graph-service")),
        *("serve", "--port", str(port), "--workers", str(workers)),
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own command
            command, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the service exited; see {log}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    process.terminate()
    raise RuntimeError(f"the service did not become ready; see {log}")


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def stop_service(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
