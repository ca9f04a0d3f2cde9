"""In-process measurements beside the load: Cypher round trips per request (counted from the
driver's Bolt log) and the authorization share of a household page request."""

from __future__ import annotations

import random
import statistics
import time
from datetime import datetime
from typing import Any

from starlette.testclient import TestClient

from bench.workload import READS, Samples, read_request
from graph_service.access.decision import ScopeMemo
from graph_service.access.policy import Right
from graph_service.access.settings import AccessSettings
from graph_service.app import create_app
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.driver import create_driver
from graph_service.services.access_decision import decide, load_caller_with_scope
from graph_service.services.access_runtime import AccessRuntime
from graph_service.settings import Settings
from graph_service.testing.round_trips import counting_runs

REPEATS = 200


async def authorization_and_round_trips(
    settings: Settings, samples: Samples, clerk: str, steward: str, anchor: str
) -> dict[str, Any]:
    clock = FixedClock(datetime.fromisoformat(anchor))
    rng = random.Random(1)
    headers = {"authorization": f"Bearer {mint_development_token(settings, clerk)}"}
    steward_headers = {"authorization": f"Bearer {mint_development_token(settings, steward)}"}
    trips: dict[str, int] = {}
    page_latencies: list[float] = []
    with TestClient(create_app(settings, clock=clock)) as client:
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

    # The decision a household page makes, as it makes it: the caller's grant read together
    # with the named household's scope (one query), then the decision on it.
    authz: list[float] = []
    async with create_driver(settings) as driver:
        runtime = AccessRuntime(driver, settings.neo4j_database, AccessSettings().policy(), clock)
        for _ in range(REPEATS):
            household = [rng.choice(samples.household_ids)]
            started = time.perf_counter()
            memo = ScopeMemo()
            caller = await load_caller_with_scope(runtime, clerk, household, memo)
            await decide(runtime, caller, Right.READ, household, memo=memo)
            authz.append(time.perf_counter() - started)
    authorization = statistics.median(authz) * 1000
    page = statistics.median(page_latencies) * 1000
    return {
        "round_trips": trips,
        "authorization_p50_ms": authorization,
        "household_page_p50_ms": page,
        "authorization_share": authorization / page if page else 0.0,
    }
