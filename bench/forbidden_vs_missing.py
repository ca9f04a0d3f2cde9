"""`python -m bench.forbidden_vs_missing`: can a clerk tell, by timing, an id that exists
outside their scope from one that does not exist? (issue 12, finding 2)

From a clean managed Neo4j of its own: load the demo district, start the service as users run
it, and, as the demo's school clerk, ask each root field (`person`, `node`, `household`) and
the write `editHousehold` for `--ids` existing records outside the clerk's scope and as many
random well-formed ids that name nothing, the two kinds interleaved in a random order, one
request at a time over HTTP; and `households(by: {namePrefix})` for names of households
outside the scope against random names nobody has.
For each field it reports both medians, the permutation test's two-sided p-value for the
difference of medians (a small p: the two can be told apart), whether every answer was
byte-identical (a write's NOT_FOUND without the id it names), and how each kind of id was
audited (one entry per id, same shape, for both).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import string
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench.service import start_service, stop_service
from graph_service.access.settings import AccessSettings
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.db.run import read_all
from graph_service.graphql.ids import to_global_id
from graph_service.localdb import LocalNeo4j
from graph_service.seeding.demo import load_demo_district
from graph_service.services.searches import LISTING_SEPARATOR
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings

CLERK = "E-OFFICE"  # the demo's active office professional, limited to one school
FIELDS = {
    "person": ("Person", "query($id: ID!) { person(id: $id) { id firstName lastName } }"),
    "node": ("Person", "query($id: ID!) { node(id: $id) { id ... on Person { firstName } } }"),
    "household": ("Household", "query($id: ID!) { household(id: $id) { id name } }"),
    # A clerk's name search for the name of a household outside their scope against a name
    # nobody has: both find nothing, and both must cost the same (the search reads only the
    # clerk's schools' listings, never the district's name index).
    # A write naming a household outside the scope against one naming nothing: both answer
    # NOT_FOUND (the message names the id asked, so answers are compared without it).
    "editHousehold": (
        "Household",
        "mutation($id: String!) { editHousehold(input: {householdId: $id, expectedVersion: 1, "
        'name: "X"}) { id } }',
    ),
    "households by name": (
        "HouseholdName",
        "query($name: String!) { households(by: {namePrefix: $name}, first: 20) { nodes { id } } }",
    ),
}
WARM_UP = 100


@dataclass(frozen=True)
class FieldResult:
    field: str
    repeat: int
    trials: int
    forbidden_median_ms: float
    missing_median_ms: float
    p_value: float
    distinct_answers: int  # over both kinds: 1 means byte-identical
    forbidden_audit: dict[str, int]  # entry shape -> how many distinct ids it named
    missing_audit: dict[str, int]


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.forbidden_vs_missing")
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--ids", type=int, default=1_000, help="of each kind, per field")
    parser.add_argument("--permutations", type=int, default=10_000)
    parser.add_argument(
        "--repeats", type=int, default=1, help="measure every field this many times"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bolt-port", type=int, default=7798)
    parser.add_argument("--port", type=int, default=8798)
    parser.add_argument("--home", type=Path, default=Path(".graph-service/timing-neo4j"))
    parser.add_argument("--output", type=Path, default=Path("bench/results"))
    return parser.parse_args()


def permutation_p(a: list[float], b: list[float], permutations: int, rng: random.Random) -> float:
    """Two-sided p-value of |median(a) - median(b)| under random relabelling of the pooled
    samples (with the +1 correction, so it is never 0)."""
    observed = abs(statistics.median(a) - statistics.median(b))
    pooled = a + b
    extreme = 0
    for _ in range(permutations):
        rng.shuffle(pooled)
        left, right = pooled[: len(a)], pooled[len(a) :]
        if abs(statistics.median(left) - statistics.median(right)) >= observed:
            extreme += 1
    return (extreme + 1) / (permutations + 1)


async def _prepare(
    settings: Settings, households: int, seed: int, ids: int
) -> tuple[str, dict[str, list[str]]]:
    """Load the district; the clerk's out-of-scope people and households (raw ids)."""
    anchor = datetime.now(UTC).replace(second=0, microsecond=0)
    today = anchor.astimezone(AccessSettings().policy().zone).date()
    async with create_driver(settings) as driver:
        database = settings.neo4j_database
        await migrate(driver, database=database)
        await load_demo_district(
            driver, database, households=households, seed=seed, clock=FixedClock(anchor)
        )
        school = (
            await read_all(
                driver, cypher("bench/staff_location"), database=database, employeeId=CLERK
            )
        )[0]["locationId"]
        people = await read_all(
            driver, cypher("bench/sample_people_outside_school"), database=database,
            schoolId=school, asOf=today, onDate=today, limit=ids,
        )  # fmt: skip
        homes = await read_all(
            driver, cypher("bench/sample_households_outside_school"), database=database,
            schoolId=school, onDate=today, limit=ids,
        )  # fmt: skip
        names = await read_all(
            driver, cypher("bench/sample_household_names_outside_school"), database=database,
            schoolId=school, onDate=today, limit=ids, listingSeparator=LISTING_SEPARATOR,
        )  # fmt: skip
    outside = {
        "Person": [row["personId"] for row in people],
        "Household": [row["householdId"] for row in homes],
        "HouseholdName": [row["name"] for row in names],
    }
    for kind, found in outside.items():
        # Names are fewer (households share them, and none may start an in-scope one's):
        # the name search is measured on those there are, its trials reported.
        if len(found) < (ids if kind != "HouseholdName" else min(ids, 200)):
            raise SystemExit(f"only {len(found)} {kind} ids outside the clerk's scope")
    return anchor.isoformat(), outside


def _time_field(
    client: httpx.Client, query: str, kind: str, outside: list[str], rng: random.Random
) -> tuple[list[float], list[float], set[bytes], list[str]]:
    """Latencies (s) of the out-of-scope and of the missing ids, the distinct answer bodies,
    and the missing raw ids asked."""
    missing = [_missing(kind, rng) for _ in outside]
    trials = [(True, raw) for raw in outside] + [(False, raw) for raw in missing]
    rng.shuffle(trials)
    for _, raw in trials[:WARM_UP]:  # warm the plan and connection caches; not counted
        client.post("/graphql", json={"query": query, "variables": _variables(kind, raw)})
    forbidden: list[float] = []
    absent: list[float] = []
    bodies: set[bytes] = set()
    for exists, raw in trials:
        payload = {"query": query, "variables": _variables(kind, raw)}
        started = time.perf_counter()
        response = client.post("/graphql", json=payload)
        elapsed = time.perf_counter() - started
        bodies.add(_without_id(_without_bookmarks(response.content), kind, raw))
        (forbidden if exists else absent).append(elapsed)
    return forbidden, absent, bodies, missing


def _without_id(body: bytes, kind: str, raw: str) -> bytes:
    """The answer with the id asked replaced: a write's NOT_FOUND names the id it was given."""
    if kind == "HouseholdName":
        return body
    return body.replace(to_global_id(kind, raw).encode(), b"<id>").replace(raw.encode(), b"<id>")


def _without_bookmarks(body: bytes) -> bytes:
    """The answer without its causal-consistency bookmarks (db/bookmarks.py): they name the
    database's latest transaction, which moves with every write (audit entries included),
    and say nothing of the record asked for."""
    answer = json.loads(body)
    extensions = answer.get("extensions") or {}
    extensions.pop("bookmarks", None)
    if not extensions:
        answer.pop("extensions", None)
    return json.dumps(answer, sort_keys=True).encode()


def _missing(kind: str, rng: random.Random) -> str:
    """A well-formed value of `kind` that names nothing: a random id, or a random name."""
    if kind == "HouseholdName":
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(12))
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _variables(kind: str, raw: str) -> dict[str, str]:
    return {"name": raw} if kind == "HouseholdName" else {"id": to_global_id(kind, raw)}


async def _audit_shapes(settings: Settings, operation: str, ids: list[str]) -> dict[str, int]:
    """How the clerk's audit entries of `operation` named `ids`: each entry shape (its keys,
    kind, allowed and reason) with how many distinct ids of `ids` entries of that shape
    named (every id asked should be named, by one shape for both kinds of id)."""
    async with create_driver(settings) as driver:
        rows = await read_all(
            driver, cypher("bench/audit_entries_naming"), database=settings.neo4j_database,
            actor=CLERK, operation=operation, ids=ids,
        )  # fmt: skip
    shapes: dict[str, set[str]] = {}
    for row in rows:
        entry = row["entry"]
        shape = {
            "keys": sorted(entry),
            "kind": entry["kind"],
            "allowed": entry.get("allowed"),
            "reason": entry.get("reason"),
        }
        shapes.setdefault(json.dumps(shape, sort_keys=True), set()).update(row["named"])
    return {shape: len(named) for shape, named in shapes.items()}


def main() -> None:
    args = _args()
    rng = random.Random(args.seed)
    server = LocalNeo4j(
        home=args.home.resolve(), port=args.bolt_port, password=DEV_NEO4J_PASSWORD,
        jar_cache_dir=Settings().jar_cache_dir, heap="1g", pagecache="512m",
    )  # fmt: skip
    server.stop()
    server.reset()
    server.start()
    service = None
    results: list[FieldResult] = []
    try:
        settings = Settings.model_validate({"neo4j_uri": server.bolt_uri, "env": "development"})
        anchor, outside = asyncio.run(_prepare(settings, args.households, args.seed, args.ids))
        args.output.mkdir(parents=True, exist_ok=True)
        service = start_service(
            bolt_uri=server.bolt_uri, password=DEV_NEO4J_PASSWORD, port=args.port,
            pinned=anchor, log=args.output / "forbidden-vs-missing-service.log",
        )  # fmt: skip
        token = mint_development_token(settings, CLERK)
        asked: list[tuple[list[str], list[str]]] = []  # (out of scope, missing) per result
        with httpx.Client(
            base_url=f"http://127.0.0.1:{args.port}",
            headers={"authorization": f"Bearer {token}"},
            timeout=30,
        ) as client:
            for repeat in range(args.repeats):
                order = list(FIELDS)
                order = order[repeat % len(order) :] + order[: repeat % len(order)]
                for name in order:
                    kind, query = FIELDS[name]
                    ids = outside[kind]
                    forbidden, absent, bodies, missing = _time_field(client, query, kind, ids, rng)
                    asked.append((ids, missing))
                    p = permutation_p(forbidden, absent, args.permutations, rng)
                    results.append(
                        FieldResult(
                            field=name,
                            repeat=repeat + 1,
                            trials=len(forbidden) + len(absent),
                            forbidden_median_ms=round(statistics.median(forbidden) * 1000, 2),
                            missing_median_ms=round(statistics.median(absent) * 1000, 2),
                            p_value=round(p, 4),
                            distinct_answers=len(bodies),
                            forbidden_audit={},
                            missing_audit={},
                        )
                    )
                    print(f"{name}: {results[-1]}", flush=True)
        stop_service(service)  # a clean shutdown writes every queued audit entry
        service = None
        for index, result in enumerate(results):
            ids, missing = asked[index]
            results[index] = FieldResult(
                **{
                    **asdict(result),
                    "forbidden_audit": asyncio.run(_audit_shapes(settings, result.field, ids)),
                    "missing_audit": asyncio.run(_audit_shapes(settings, result.field, missing)),
                }
            )
    finally:
        if service is not None:
            stop_service(service)
        server.stop()
    report = {
        "households": args.households,
        "ids_per_kind": args.ids,
        "repeats": args.repeats,
        "permutations": args.permutations,
        "fields": [asdict(r) for r in results],
    }
    path = args.output / "forbidden-vs-missing.json"
    path.write_text(json.dumps(report, indent=2))
    print(render(results))
    print(f"JSON: {path}")


def render(results: list[FieldResult]) -> str:
    lines = [
        f"{'field':<20}{'run':>4}{'trials':>7}{'forbidden p50':>15}{'missing p50':>13}{'p':>8}"
        f"{'answers':>9}  audit (forbidden | missing: distinct ids named per entry shape)"
    ]
    for r in results:
        lines.append(
            f"{r.field:<20}{r.repeat:>4}{r.trials:>7}{r.forbidden_median_ms:>15.2f}"
            f"{r.missing_median_ms:>13.2f}{r.p_value:>8.4f}{r.distinct_answers:>9}  "
            f"{sorted(r.forbidden_audit.values())} | {sorted(r.missing_audit.values())}"
            f"{'  same shapes' if r.forbidden_audit.keys() == r.missing_audit.keys() else ''}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
