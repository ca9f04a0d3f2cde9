"""In-process measurements beside the load: Cypher round trips per request (counted from the
driver's Bolt log) and a household page's latency with one client. (Authorization has no
share of its own to measure any more: it is checked inside each read's one statement.)"""

from __future__ import annotations

import random
import statistics
import time
from datetime import datetime
from typing import Any

from starlette.testclient import TestClient

from bench.workload import READS, Samples, read_request
from graph_service.app import create_app
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.settings import Settings
from graph_service.testing.round_trips import counting_runs

REPEATS = 200


async def round_trips_and_one_client(
    settings: Settings, samples: Samples, clerk: str, steward: str, anchor: str
) -> dict[str, Any]:
    clock = FixedClock(datetime.fromisoformat(anchor))
    rng = random.Random(1)
    headers = {"authorization": f"Bearer {mint_development_token(settings, clerk)}"}
    steward_headers = {"authorization": f"Bearer {mint_development_token(settings, steward)}"}
    trips: dict[str, int] = {}
    page_latencies: list[float] = []
    with TestClient(create_app(settings, clock=clock, provisioning=False)) as client:
        for op in READS:
            query, variables = read_request(op, samples, rng)
            asker = steward_headers if op == "network depth 2" else headers
            with counting_runs(ignore=("AuditEvent",)) as runs:
                body = client.post(
                    "/graphql", json={"query": query, "variables": variables}, headers=asker
                ).json()
            trips[op] = runs.count if not body.get("errors") else -1
        for _ in range(REPEATS):
            query, variables = read_request("household page", samples, rng)
            started = time.perf_counter()
            client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
            page_latencies.append(time.perf_counter() - started)

    page = statistics.median(page_latencies) * 1000
    return {
        "round_trips": trips,
        "household_page_p50_ms": page,
    }
