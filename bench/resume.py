"""Where the time goes when a restarted Neo4j plans the service's statements again.

    .venv/bin/python -m bench.resume --port 7784 [--quick-start] [--restarts 2]
        [--writes 15] [--fragments DIR] [--prefix "CYPHER ..."]

Builds the outage test's world on a scratch server (wiped first), runs `--writes` writes of
the outage test through the service so that it records the statements they run
(db/warm_plans.py), stops the service, times `EXPLAIN` of each on the same server (the plans
of the service's own runs cached: a pause), then `--restarts` times: kills Neo4j (SIGKILL),
starts it and has `warm_plans.plan_again` plan the recorded statements, as the
availability monitor does, each timed: cold JVM, no
plans. Then, on that now warmer JVM, it clears
the query caches and times the same again (planner work without the JIT's warm-up), and
once more with the plans cached. `--prefix` puts query options before each statement
(`CYPHER planner=dp`, say); `--quick-start` runs the JVM the outage test's server runs
(the client compiler only), without it the default compilers (C1 and C2). `--fragments`
plans the statements as if its folder's fragments replaced those of cypher/fragments/ (a
folder of one's own, outside the repository: a fragment that no statement includes is refused
there), to measure what a rewrite of the rule would save; docs/operations.md says which.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import signal
import socket
import time
import uuid
from pathlib import Path

import httpx
from neo4j import AsyncDriver, AsyncGraphDatabase

from graph_service.access.policy import load_policy
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db import cypher as cypher_library
from graph_service.db import read_compiler, warm_plans
from graph_service.db.cypher import cypher, statement_names
from graph_service.db.migrations import migrate
from graph_service.db.read_compiler import Selected
from graph_service.db.warm_plans import Recent
from graph_service.localdb import LocalNeo4j
from graph_service.services.runtime import Runtime
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings
from graph_service.testing.cpu import process_cpu_seconds
from graph_service.testing.service import running_service
from graph_service.testing.world import NOW, STAFF, build_world

DEFAULT_HOME = Path(".graph-service/bench-resume")
CREATE = "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }"


def _names() -> dict[str, str]:
    # createPerson's result: the compiled read of the new person's id
    written = read_compiler.statement("person_written", {"Person": (Selected("id", "id"),)})
    return {cypher(name): name for name in statement_names()} | {
        written: "read/roots/person_written"
    }


def _with_fragments(statements: list[Recent], folder: Path) -> list[Recent]:
    """`statements` as they would read with the fragments of `folder` in place of those of
    cypher/fragments/ (to measure what a rewrite of a rule would save)."""
    before = _names()
    texts = cypher_library._texts()  # the loader's cached texts, replaced in place
    for path in folder.glob("*.cypher"):
        texts[f"fragments/{path.stem}"] = path.read_text(encoding="utf-8")
    cached = (cypher_library._library, cypher_library.read_template, read_compiler._sections)
    for loader in (*cached, read_compiler.compile_read):
        loader.cache_clear()
    after = {name: text for text, name in _names().items()}
    return [
        recent._replace(statement=after[before[recent.statement]])
        if recent.statement in before
        else recent
        for recent in statements
    ]


async def _build(settings: Settings) -> None:
    clock = FixedClock(NOW)
    auth = ("neo4j", DEV_NEO4J_PASSWORD)
    async with AsyncGraphDatabase.driver(settings.bolt_uri, auth=auth) as driver:
        await migrate(driver, database=settings.neo4j_database)
        await build_world(Runtime(driver, settings.neo4j_database, load_policy(), clock), clock)


async def _writes(url: str, token: str, count: int) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        for _ in range(count):
            person = {"firstName": "Outage", "lastName": uuid.uuid4().hex[:12],
                      "birthDate": "2012-02-02"}  # fmt: skip
            began = time.monotonic()
            response = await client.post(
                "/graphql",
                json={"query": CREATE, "variables": {"input": person}},
                headers={"authorization": f"Bearer {token}", "idempotency-key": str(uuid.uuid4())},
            )
            assert "errors" not in response.json(), response.text
            print(f"  write {time.monotonic() - began:.2f} s")


async def _explain_all(driver: AsyncDriver, statements: list[Recent], prefix: str) -> list[float]:
    """EXPLAIN each, as plan_again does: in a transaction with an uncommitted change when the
    service ran it after a write of its transaction."""
    names = _names()
    seconds = []
    for statement, params, after_changes in statements:
        began = time.monotonic()
        async with (
            driver.session(database="neo4j") as session,
            await session.begin_transaction() as tx,
        ):
            if after_changes:
                await (await tx.run(cypher("meta/uncommitted_change"))).consume()
            await (await tx.run(f"{prefix} EXPLAIN {statement}".strip(), params)).consume()
        seconds.append(time.monotonic() - began)
        state = " (after changes)" if after_changes else ""
        print(f"    {seconds[-1]:6.2f} s  {names.get(statement, statement[:50])}{state}")
    print(f"    {sum(seconds):6.2f} s  total, {len(seconds)} statements")
    return seconds


async def _ping_until_answered(driver: AsyncDriver) -> float:
    began = time.monotonic()
    while True:
        try:
            async with asyncio.timeout(2.0):
                await driver.execute_query(cypher("meta/ping"))
            return time.monotonic() - began
        except Exception:  # any failure means not yet
            await asyncio.sleep(0.1)


async def _after_restart(server: LocalNeo4j, statements: list[Recent], prefix: str) -> None:
    auth = ("neo4j", DEV_NEO4J_PASSWORD)
    async with AsyncGraphDatabase.driver(server.bolt_uri, auth=auth) as driver:
        print(f"  database answers after {await _ping_until_answered(driver):.2f} s")
        pid = server.status().pid
        assert pid is not None
        cpu = process_cpu_seconds(pid)
        print(f"  cold JVM, no plans (load {os.getloadavg()[0]:.1f}):")
        if prefix:
            await _explain_all(driver, statements, prefix)
        else:  # what the availability monitor runs
            recent = warm_plans.recent_statements(driver)
            for statement, params, after_changes in reversed(statements):
                recent.ran(statement, params, after_changes=after_changes)
            began = time.monotonic()
            planned = await warm_plans.plan_again(driver, "neo4j")
            print(f"    {time.monotonic() - began:6.2f} s  plan_again, {planned} statements")
        print(f"    Neo4j CPU {process_cpu_seconds(pid) - cpu:.1f} s")
        for label, clear in (("caches cleared", True), ("plans cached", False)):
            if clear:
                await driver.execute_query(cypher("bench/clear_query_caches"))
            cpu = process_cpu_seconds(pid)
            print(f"  {label} (load {os.getloadavg()[0]:.1f}):")
            await _explain_all(driver, statements, prefix)
            print(f"    Neo4j CPU {process_cpu_seconds(pid) - cpu:.1f} s")


class _Planned(logging.Handler):
    """plan_again's word on each statement (its debug log), with the statement's name."""

    def emit(self, record: logging.LogRecord) -> None:
        if not str(record.msg).startswith("planned again") or not isinstance(record.args, tuple):
            return
        seconds, length, start = record.args
        named = (n for t, n in _names().items() if len(t) == length and t.startswith(str(start)))
        print(f"    {seconds:6.2f} s  {next(named, start)}")


def _port_taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def main() -> None:
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    planned = logging.getLogger(warm_plans.__name__)
    planned.setLevel(logging.DEBUG)
    planned.addHandler(_Planned())
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=7784)
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--quick-start", action="store_true", help="C1 only, as the test")
    parser.add_argument("--prefix", default="", help='query options, e.g. "CYPHER planner=dp"')
    parser.add_argument("--restarts", type=int, default=2)
    parser.add_argument("--writes", type=int, default=15)
    parser.add_argument("--fragments", type=Path, help="plan as if these were cypher/fragments/")
    args = parser.parse_args()
    server = LocalNeo4j(
        home=args.home.resolve(), port=args.port, password=DEV_NEO4J_PASSWORD,
        jar_cache_dir=Settings().jar_cache_dir, heap="384m", pagecache="64m",
        quick_start=args.quick_start,
    )  # fmt: skip
    server.stop()
    shutil.rmtree(server.layout.data_dir, ignore_errors=True)
    try:
        server.start()
        settings = Settings(env="test", neo4j_uri=server.bolt_uri)
        asyncio.run(_build(settings))
        token = mint_development_token(settings, STAFF["district"])
        with running_service(settings, clock=FixedClock(NOW)) as url:
            asyncio.run(_writes(url, token, args.writes))
            (recent,) = list(warm_plans._recent.values())  # the service's one driver
            statements = recent.latest_first()
        if args.fragments is not None:
            statements = _with_fragments(statements, args.fragments)
        auth = ("neo4j", DEV_NEO4J_PASSWORD)

        async def as_planned_by_the_runs() -> None:
            # The same server, the plans of the service's own runs cached: what plan_again
            # finds after a pause (SIGSTOP, SIGCONT).
            async with AsyncGraphDatabase.driver(server.bolt_uri, auth=auth) as driver:
                print(f"  after the service's runs (load {os.getloadavg()[0]:.1f}):")
                await _explain_all(driver, statements, args.prefix)

        asyncio.run(as_planned_by_the_runs())
        for restart in range(args.restarts):
            pid = server.status().pid
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            while server.status().running or _port_taken(args.port):
                time.sleep(0.05)
            began = time.monotonic()
            server.start()
            print(f"restart {restart + 1}: Bolt after {time.monotonic() - began:.1f} s")
            asyncio.run(_after_restart(server, statements, args.prefix))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
