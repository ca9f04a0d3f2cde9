"""`python -m bench.broad_searches --households 100000`: what a school clerk's broad searches
cost the database.

The searches by address, member name, phone and the people searches draw their candidates
from the whole district's indexes and test each against the caller's scope, so a short
prefix ("1", "a") costs in proportion to the district, whatever the clerk may see. For each
search below, as the demo's school clerk: the PROFILE database hits of the statements the
request sent, and its wall time in this process (the second of two sends, so not planning).
Opens the database the last `bench.run` of that size left behind, like `bench.profile`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import datetime
from pathlib import Path
from typing import Any, LiteralString

import httpx

from bench.profile import _walk, last_run_database
from bench.run import CLERK
from graph_service.app import create_app
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db import run as db_run
from graph_service.db.driver import create_driver
from graph_service.settings import Settings

SEARCHES: dict[str, tuple[str, list[str]]] = {
    "households by name": (
        "query($t: String!) { households(by: {namePrefix: $t}, first: 20) { nodes { id } } }",
        ["a", "smi", "zz"],
    ),
    "households by address": (
        "query($t: String!) { households(by: {addressPrefix: $t}, first: 20) { nodes { id } } }",
        ["1", "9", "main", "zz"],
    ),
    "households by member": (
        "query($t: String!) { households(by: {memberLastName: $t}, first: 20) { nodes { id } } }",
        ["a", "smith", "zz"],
    ),
    "households by phone": (
        "query($t: String!) { households(by: {phone: $t}, first: 20) { nodes { id } } }",
        ["2175550100"],
    ),
    "people by last name": (
        "query($t: String!) { people(by: {lastName: $t}, first: 20) { nodes { id } } }",
        ["a", "smith", "zz"],
    ),
    "people by birth date": (
        "query($t: Date!) { people(by: {birthDate: $t}, first: 20) { nodes { id } } }",
        ["2012-03-04"],
    ),
}

Sent = list[tuple[LiteralString, dict[str, Any]]]


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.broad_searches")
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--bolt-port", type=int, default=7697)
    parser.add_argument("--home", type=Path, default=Path(".graph-service/bench-neo4j"))
    parser.add_argument("--results", type=Path, default=Path("bench/results"))
    return parser.parse_args()


async def _db_hits(settings: Settings, sent: Sent) -> int:
    total = 0
    async with create_driver(settings) as driver:
        for statement, params in sent:
            async with driver.session(database=settings.neo4j_database) as session:
                summary = await (await session.run("PROFILE " + statement, params)).consume()
            found: dict[str, int] = {}
            _walk(summary.profile or {}, found)
            total += sum(found.values())
    return total


async def _measure(settings: Settings, anchor: datetime) -> list[dict[str, Any]]:
    sent: Sent = []
    read_once = db_run._read_once

    async def capture(driver: Any, statement: Any, params: dict[str, Any], /, **kw: Any) -> Any:
        sent.append((statement, params))
        return await read_once(driver, statement, params, **kw)

    db_run._read_once = capture
    app = create_app(settings, clock=FixedClock(anchor))
    headers = {"authorization": f"Bearer {mint_development_token(settings, CLERK)}"}
    rows = []
    try:
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://bench", headers=headers
            ) as http,
        ):
            for name, (query, terms) in SEARCHES.items():
                for term in terms:
                    body = {"query": query, "variables": {"t": term}}
                    await http.post("/graphql", json=body)  # plans it
                    sent.clear()
                    started = time.perf_counter()
                    answer = (await http.post("/graphql", json=body)).json()
                    wall_ms = (time.perf_counter() - started) * 1000
                    if answer.get("errors"):  # stopped at the read limit, for one
                        [error] = answer["errors"]
                        rows.append({
                            "search": name, "term": term, "found": None,
                            "error": error["extensions"]["code"], "message": error["message"],
                            "db_hits": None, "wall_ms": round(wall_ms, 1),
                        })  # fmt: skip
                        continue
                    (connection,) = answer["data"].values()
                    rows.append({
                        "search": name, "term": term, "found": len(connection["nodes"]),
                        "db_hits": await _db_hits(settings, sent), "wall_ms": round(wall_ms, 1),
                    })  # fmt: skip
    finally:
        db_run._read_once = read_once
    return rows


def main() -> None:
    args = _args()
    with last_run_database(
        args.households, home=args.home, results=args.results, bolt_port=args.bolt_port
    ) as (settings, anchor):
        rows = asyncio.run(_measure(settings, anchor))
    print(f"{args.households} households, as {CLERK}:")
    for row in rows:
        if row["found"] is None:
            print(f"  {row['search']:<24}{row['term']!r:<14}{row['error']} after "
                  f"{row['wall_ms']:.1f} ms: {row['message']}")  # fmt: skip
            continue
        print(f"  {row['search']:<24}{row['term']!r:<14}{row['found']:>4} found "
              f"{row['db_hits']:>10,} db hits {row['wall_ms']:>9.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
