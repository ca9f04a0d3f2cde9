"""`python -m bench.profile --households 10000 "person page"`: where a request's time goes.

Opens the database the last `bench.run` of that size left behind (no reset), runs the app
in this process (`httpx.ASGITransport`, no network, clock pinned where that district was
built), sends each named request of the mix as the clerk, and prints its p50 without the
profiler, then a pyinstrument profile of the same requests (async-aware, so time waiting on
Neo4j shows under the resolver that awaited it). This is how the changes in
bench/README.md were found.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from pyinstrument import Profiler

from bench.run import CLERK, STEWARD, pick_samples
from bench.workload import READS, read_request
from graph_service.app import create_app
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db import run as db_run
from graph_service.db.driver import create_driver
from graph_service.localdb import LocalNeo4j
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings

PROFILED = ["household page", "person page", "search by name", "search by address"]


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("operations", nargs="*", default=PROFILED, choices=READS)
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--no-profile", action="store_true", help="figures only, no profile")
    parser.add_argument(
        "--cypher", action="store_true",
        help="PROFILE the statements one request of each operation sends: db hits per operator",
    )  # fmt: skip
    parser.add_argument("--plan", action="store_true", help="with --cypher: the whole plan")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--bolt-port", type=int, default=7697)
    parser.add_argument("--home", type=Path, default=Path(".graph-service/bench-neo4j"))
    parser.add_argument("--results", type=Path, default=Path("bench/results"))
    return parser.parse_args()


async def _profile(settings: Settings, anchor: datetime, args: argparse.Namespace) -> None:
    async with create_driver(settings) as driver:
        samples = await pick_samples(driver, settings.neo4j_database, anchor)
    app = create_app(settings, clock=FixedClock(anchor))
    headers = {"authorization": f"Bearer {mint_development_token(settings, CLERK)}"}
    # The network view is district-wide: the demo's data steward asks for it, as in the mix.
    steward = {"authorization": f"Bearer {mint_development_token(settings, STEWARD)}"}
    rng = random.Random(1)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://bench", headers=headers) as http,
    ):
        for op in args.operations:

            async def send(op: str = op) -> float:
                query, variables = read_request(op, samples, rng)
                body = {"query": query, "variables": variables}
                started = time.perf_counter()
                asker = steward if op == "network depth 2" else None
                response = await http.post("/graphql", json=body, headers=asker)
                elapsed = time.perf_counter() - started
                if response.json().get("errors"):
                    raise SystemExit(f"{op}: {response.json()['errors']}")
                return elapsed

            for _ in range(20):  # warm-up
                await send()
            if args.cypher:
                await _profile_statements(settings, send, plan=args.plan)
            cpu_before = time.process_time()
            plain = [await send() for _ in range(args.requests)]
            cpu_ms = (time.process_time() - cpu_before) * 1000 / args.requests
            profiler = Profiler(interval=0.001, async_mode="enabled")
            with profiler:
                for _ in range(args.requests):
                    await send()
            print(f"== {op}: p50 {statistics.median(plain) * 1000:.1f} ms and {cpu_ms:.1f} ms of "
                  f"this process's CPU per request (client included) without the profiler, "
                  f"{args.requests} requests, one client, in process")  # fmt: skip
            if args.no_profile:
                continue
            print(profiler.output_text(unicode=False, show_all=False))


async def _profile_statements(
    settings: Settings, send: Callable[[], Awaitable[float]], *, plan: bool
) -> None:
    """Capture the reads one request sends, then PROFILE each with its parameters and print
    its db hits in total and by operator (Neo4j's work, independent of the machine's load)."""
    sent: list[tuple[str, dict[str, Any]]] = []
    original = db_run._read_once

    async def capture(driver: Any, statement: Any, params: Any, /, *, database: str) -> Any:
        sent.append((statement, params))
        return await original(driver, statement, params, database=database)

    db_run._read_once = capture
    try:
        await send()
    finally:
        db_run._read_once = original
    async with create_driver(settings) as driver:
        for statement, params in sent:
            async with driver.session(database=settings.neo4j_database) as session:
                result = await session.run("PROFILE " + statement, params)
                summary = await result.consume()
            by_operator: dict[str, int] = {}
            _walk(summary.profile or {}, by_operator)
            top = sorted(by_operator.items(), key=lambda item: -item[1])[:8]
            print(f"   statement of {len(statement)} chars: {sum(by_operator.values())} db hits; "
                  + ", ".join(f"{name} {hits}" for name, hits in top))  # fmt: skip
            if plan:
                _print_plan(summary.profile or {}, depth=0)


def _walk(plan: dict[str, Any], into: dict[str, int]) -> None:
    name = plan.get("operatorType", "?").split("@")[0]
    into[name] = into.get(name, 0) + int(plan.get("dbHits", 0))
    for child in plan.get("children", []):
        _walk(child, into)


def _print_plan(plan: dict[str, Any], *, depth: int) -> None:
    arguments = plan.get("args", {})
    details = str(arguments.get("Details", ""))[:160]
    print(f"{'  ' * depth}{plan.get('operatorType', '?').split('@')[0]} rows={plan.get('rows')} "
          f"hits={plan.get('dbHits')} {details}")  # fmt: skip
    for child in plan.get("children", []):
        _print_plan(child, depth=depth + 1)


@contextmanager
def last_run_database(
    households: int, *, home: Path, results: Path, bolt_port: int
) -> Iterator[tuple[Settings, datetime]]:
    """The database the last `bench.run` of that size left behind (no reset), started if it
    is not running, and the instant its district was built; stopped again after, unless it
    was already running (started by hand for several profiles)."""
    report = json.loads((results / f"households-{households}.json").read_text())
    sized = home.with_name(f"{home.name}-{households}")
    server = LocalNeo4j(
        home=(sized if sized.is_dir() else home).resolve(), port=bolt_port,
        password=DEV_NEO4J_PASSWORD, jar_cache_dir=Settings().jar_cache_dir, heap="1g",
        pagecache="1g",
    )  # fmt: skip
    started_here = not server.status().running
    server.start()
    try:
        settings = Settings.model_validate({"neo4j_uri": server.bolt_uri, "env": "development"})
        yield settings, datetime.fromisoformat(report["loaded"]["anchor"])
    finally:
        if started_here:
            server.stop()


def main() -> None:
    args = _args()
    with last_run_database(
        args.households, home=args.home, results=args.results, bolt_port=args.bolt_port
    ) as (settings, anchor):
        asyncio.run(_profile(settings, anchor, args))


if __name__ == "__main__":
    main()
