"""`python -m bench.run --households 10000 [100000 ...]`: the whole benchmark from clean
managed Neo4j servers.

Steps, for each size: wipe a managed Neo4j of its own; load the demo district (bulk or batched);
start the service under uvicorn as users run it. Then drive the services over HTTP from a
separate process with concurrent clients, the sizes taking turns in `--rounds` slices so
that a machine that slows down for a while slows every size alike and the ratios between
sizes are measured in the same run; measure the raw-Cypher floor of the same reads; count
round trips per request, the authorization share of a request and each service's peak
memory; print a table per size (and the growth between sizes) and write JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from neo4j import AsyncDriver

from bench.cpu import CpuMeter
from bench.floor import floor_reads, measure
from bench.probe import round_trips_and_one_client
from bench.service import peak_memory_mb, start_service, stop_service
from bench.stats import summarize
from bench.workload import MIX, PAGE, READS, Result, Samples, run_load
from graph_service.access.policy import load_policy
from graph_service.access.settings import AccessSettings
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.db.run import read_all
from graph_service.demo import DEMO_INSTANT
from graph_service.domain.people import name_key
from graph_service.localdb import LocalNeo4j
from graph_service.seeding.bulk import GraphCounts
from graph_service.seeding.cli import BULK_FROM_HOUSEHOLDS
from graph_service.seeding.demo import load_demo_district
from graph_service.seeding.initial_load import bulk_load_demo_district
from graph_service.services.searches import LISTING_SEPARATOR
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings

CLERK = "E-OFFICE"  # the demo's active office professional
STEWARD = "E-STEWARD"  # the demo's district-wide, read-only data steward


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument(
        "--households", type=int, nargs="+", default=[10_000], help="one or more sizes"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60.0, help="load per size")
    parser.add_argument(
        "--warm-up-seconds", type=float, default=45.0, help="the mix per size, discarded"
    )
    parser.add_argument(
        "--rounds", type=int, default=6, help="turns the sizes take within --seconds"
    )
    parser.add_argument(
        "--floor-seconds", type=float, default=5.0, help="per read, after as long a warm-up"
    )
    parser.add_argument(
        "--cpu-seconds", type=float, default=4.0, help="per read, alone, for CPU per request"
    )
    parser.add_argument("--workers", type=int, default=1, help="the service's processes")
    parser.add_argument(
        "--bulk-from", type=int, default=BULK_FROM_HOUSEHOLDS,
        help="sizes from this many households load through neo4j-admin database import",
    )  # fmt: skip
    parser.add_argument("--heap", default="1g", help="each Neo4j's heap")
    parser.add_argument(
        "--pagecache", default="1g", help="each Neo4j's page cache (the store should fit)"
    )
    parser.add_argument("--bolt-port", type=int, default=7697)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--home", type=Path, default=Path(".graph-service/bench-neo4j"))
    parser.add_argument("--output", type=Path, default=Path("bench/results"))
    return parser.parse_args()


async def pick_samples(driver: AsyncDriver, database: str, anchor: datetime) -> Samples:
    """What the clerk will open: households, people and search terms in the clerk's scope."""
    today = anchor.astimezone(AccessSettings().policy().zone).date()
    school = (
        await read_all(driver, cypher("bench/staff_location"), database=database, employeeId=CLERK)
    )[0]["locationId"]
    rows = await read_all(
        driver, cypher("bench/sample_households_in_school"), database=database,
        schoolId=school, today=today, limit=500,
    )  # fmt: skip
    streets = await read_all(
        driver, cypher("bench/sample_addresses_in_school"), database=database,
        schoolId=school, limit=200,
    )  # fmt: skip
    name_prefixes = sorted({row["name"][:3] for row in rows})
    keys = {name_key(prefix): prefix for prefix in name_prefixes}
    filling = await read_all(
        driver, cypher("bench/name_prefixes_filling_a_page"), database=database,
        prefixes=sorted(keys), schoolId=school, onDate=today, limit=PAGE,
        listingSeparator=LISTING_SEPARATOR,
    )  # fmt: skip
    return Samples(
        household_ids=[row["householdId"] for row in rows],
        person_ids=[pid for row in rows for pid in row["memberIds"]],
        name_prefixes=name_prefixes,
        page_prefixes=sorted(keys[row["prefix"]] for row in filling),
        street_prefixes=[row["prefix"] for row in streets] or ["1 "],
        school_id=school,
        today=today.isoformat(),
    )


async def _same_samples(settings: Settings, first: Samples, today: str) -> Samples:
    """The smallest size's samples for a larger size: the same households, people, names and
    streets (a smaller demo district is a prefix of a larger one with the same seed), so that
    the sizes' p50s differ by the district's size, not by which records each drew. Checked
    present; `today` stays this size's own (its clock was pinned when it was loaded)."""
    async with create_driver(settings) as driver:
        (found,) = await read_all(
            driver, cypher("bench/records_present"), database=settings.neo4j_database,
            householdIds=first.household_ids, personIds=first.person_ids,
        )  # fmt: skip
    if (found["households"], found["people"]) != (len(first.household_ids), len(first.person_ids)):
        raise SystemExit(
            f"the larger district lacks some of the smaller one's sampled records ({found}); "
            "the sizes must be loaded with the same --seed"
        )
    return replace(first, today=today)


async def _settle(driver: AsyncDriver, database: str) -> None:
    """Statistics sampled from the loaded district and no plan left from before it: the
    benchmark measures a district in service, not one Neo4j is still replanning. (Right after
    a load, its log showed plans discarded during the measurement, among them plans made at
    212 nodes, replaced at 69,190.)"""
    async with driver.session(database=database) as session:
        await (await session.run(cypher("bench/resample_indexes"))).consume()
    await asyncio.sleep(SAMPLING_SECONDS)  # the call schedules the sampling, it does not wait
    async with driver.session(database=database) as session:
        await (await session.run(cypher("bench/clear_query_caches"))).consume()


SAMPLING_SECONDS = 5.0


async def _load(
    settings: Settings, households: int, seed: int, bulk: LocalNeo4j | None
) -> tuple[GraphCounts, dict[str, float]]:
    """The district as of `DEMO_INSTANT`: through Neo4j's bulk importer when `bulk` names the
    stopped server (its phases timed), else migrated and batched onto the running one."""
    if bulk is not None:
        loaded = await bulk_load_demo_district(
            bulk, settings, households=households, seed=seed, anchor=DEMO_INSTANT,
            policy=load_policy(), heap="1g",
        )  # fmt: skip
        return loaded.counts, {name: round(s, 1) for name, s in loaded.phases.items()}
    async with create_driver(settings) as driver:
        await migrate(driver, database=settings.neo4j_database)
        summary = await load_demo_district(
            driver, settings.neo4j_database, households=households, seed=seed,
            clock=FixedClock(DEMO_INSTANT),
        )  # fmt: skip
    return summary.counts, {}


async def _prepare(
    settings: Settings, households: int, seed: int, bulk: LocalNeo4j | None
) -> tuple[dict[str, Any], Samples]:
    """Load the district, let it settle, and pick what the clerk will open. Every size is
    built as of the demo's instant: the same instant for every size, and the one whose staff
    story has a recording, which the bulk path needs."""
    started = time.perf_counter()
    counts, phases = await _load(settings, households, seed, bulk)
    load_seconds = time.perf_counter() - started
    async with create_driver(settings) as driver:
        await _settle(driver, settings.neo4j_database)
        samples = await pick_samples(driver, settings.neo4j_database, DEMO_INSTANT)
    loaded = {
        "anchor": DEMO_INSTANT.isoformat(),
        "path": "bulk" if bulk is not None else "batched",
        "load_seconds": round(load_seconds, 1),
        "load_phases": phases,
        "nodes": counts.total_nodes,
        "relationships": counts.total_relationships,
        "nodes_by_label": counts.nodes,
        "relationships_by_type": counts.relationships,
        "households": households,
    }
    return loaded, samples


async def _floor(
    settings: Settings, samples: Samples, clients: int, seconds: float, neo4j_pid: int
) -> dict[str, Any]:
    meter = CpuMeter({"neo4j": neo4j_pid, "driver": 0})
    async with create_driver(settings) as driver:
        reads = floor_reads(
            driver, settings.neo4j_database,
            household_ids=samples.household_ids, person_ids=samples.person_ids,
            name_prefixes=samples.name_prefixes, street_prefixes=samples.street_prefixes,
            page_prefixes=samples.page_prefixes or samples.name_prefixes,
            employee_id=CLERK, today=datetime.fromisoformat(samples.today).date(),
        )  # fmt: skip
        found = {}
        for op, read in reads.items():
            # Warmed as the service's statements are (its warm-up slice and the load before
            # its reads run alone): measured cold, a floor statement ran while Neo4j was still
            # compiling its code and read up to twice as slow (11.6 against 7.2 ms p50 for the
            # household page's), which flattered the service's ratios.
            await measure(read, clients=clients, seconds=seconds)
            summary, cpu = await measure(read, clients=clients, seconds=seconds, meter=meter)
            found[op] = {**asdict(summary), **cpu}
        return found


@dataclass
class _Size:
    """One district size: its own Neo4j, data, service and results."""

    households: int
    server: LocalNeo4j
    port: int


@dataclass
class _Running:
    size: _Size
    settings: Settings
    loaded: dict[str, Any]
    samples: Samples
    service: subprocess.Popen[bytes] | None
    memory: float = 0.0
    wall: float = 0.0
    alone: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.size.port}"


def _sizes(args: argparse.Namespace) -> list[_Size]:
    many = len(args.households) > 1
    sizes = []
    for i, n in enumerate(args.households):
        home = args.home.with_name(f"{args.home.name}-{n}") if many else args.home
        server = LocalNeo4j(
            home=home.resolve(), port=args.bolt_port + i, password=DEV_NEO4J_PASSWORD,
            jar_cache_dir=Settings().jar_cache_dir, heap=args.heap, pagecache=args.pagecache,
        )  # fmt: skip
        sizes.append(_Size(households=n, server=server, port=args.port + i))
    return sizes


def _start(size: _Size, args: argparse.Namespace) -> _Running:
    """A clean server, the district loaded, the service running with its clock pinned."""
    size.server.stop()
    size.server.reset()  # a clean database every run
    bulk = size.households >= args.bulk_from
    if not bulk:
        size.server.start()
    settings = Settings.model_validate({"neo4j_uri": size.server.bolt_uri, "env": "development"})
    loaded, samples = asyncio.run(
        _prepare(settings, size.households, args.seed, size.server if bulk else None)
    )
    print(
        f"loaded {size.households} households ({loaded['path']}) in {loaded['load_seconds']} s"
        f"{' ' + str(loaded['load_phases']) if loaded['load_phases'] else ''}: "
        f"{loaded['nodes']} nodes, {loaded['relationships']} relationships"
    )
    service = start_service(
        bolt_uri=size.server.bolt_uri, password=DEV_NEO4J_PASSWORD, port=size.port,
        pinned=loaded["anchor"], log=args.output / f"service-{size.households}.log",
        workers=args.workers,
    )  # fmt: skip
    return _Running(size, settings, loaded, samples, service)


def _drive(running: list[_Running], args: argparse.Namespace) -> dict[int, Result]:
    """The load, the sizes taking turns: a warm-up each, then `rounds` slices each."""
    results = {run.size.households: Result() for run in running}
    ops = list(MIX)
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:

        def slice_of(
            run: _Running, seconds: float, only: list[str] | None = None
        ) -> tuple[Result, float]:
            tokens = (
                mint_development_token(run.settings, CLERK),
                mint_development_token(run.settings, STEWARD),
            )
            return pool.submit(
                run_load, run.url, tokens, run.samples, clients=args.clients,
                seconds=seconds, ops=only or ops,
            ).result()  # fmt: skip

        load_pid = pool.submit(os.getpid).result()  # the clients' process, metered too
        for run in running:
            # Discarded. A Neo4j that has just loaded a district has not yet compiled its read
            # paths (JIT) nor planned the service's statements: after 5 s of warm-up a fresh
            # 10,000-household server spent 9-12 ms of its CPU per person page where servers
            # warmed by minutes of traffic spent 1.2-1.5 (this shared machine, other work
            # running), while the floor, measured last, ran on the warm JVM: the ratios to the
            # floor and between sizes measured the JIT as much as the reads.
            slice_of(run, args.warm_up_seconds)
        for _ in range(args.rounds):
            for run in running:
                result, wall = slice_of(run, args.seconds / args.rounds)
                results[run.size.households].merge(result)
                run.wall += wall
        # CPU per request needs each read alone: the sizes take turns read by read.
        for op in READS:
            for run in running:
                assert run.service is not None
                neo4j_pid = run.size.server.status().pid or 0
                meter = CpuMeter(
                    {"service": run.service.pid, "neo4j": neo4j_pid, "client": load_pid}
                )
                before = meter.read()
                result = slice_of(run, args.cpu_seconds, [op])[0]
                count = len(result.latencies.get(op, []))
                run.alone[op] = {
                    **meter.per_request(before, count),
                    "p50_ms": summarize(result.latencies.get(op, []), 1).p50_ms,
                    "per_second": count / args.cpu_seconds,
                }
    return results


def main() -> None:
    args = _args()
    args.output.mkdir(parents=True, exist_ok=True)
    sizes = _sizes(args)
    started = time.monotonic()
    running: list[_Running] = []
    reports = []
    try:
        for size in sizes:
            running.append(_start(size, args))
        for run in running[1:]:
            run.samples = asyncio.run(
                _same_samples(run.settings, running[0].samples, run.samples.today)
            )
        results = _drive(running, args)
        for run in running:
            if run.service is not None:
                run.memory = peak_memory_mb(run.service.pid)
                stop_service(run.service)
                run.service = None
        for run in running:
            floor = asyncio.run(
                _floor(
                    run.settings, run.samples, args.clients, args.floor_seconds,
                    run.size.server.status().pid or 0,
                )
            )  # fmt: skip
            probe = asyncio.run(
                round_trips_and_one_client(
                    run.settings, run.samples, CLERK, STEWARD, run.loaded["anchor"]
                )
            )
            reports.append(_report(run, results[run.size.households], floor, probe, args))
    finally:
        for run in running:
            if run.service is not None:
                stop_service(run.service)
        for size in sizes:
            size.server.stop()
    for report in reports:
        report["wall_seconds"] = round(time.monotonic() - started, 1)
        path = args.output / f"households-{report['households']}.json"
        path.write_text(json.dumps(report, indent=2, default=str))
        print(render(report))
        print(f"JSON: {path}\n")
    if len(reports) > 1:
        growth = _growth(reports, [results[run.size.households] for run in running])
        name = "growth-" + "-".join(str(r["households"]) for r in reports) + ".json"
        (args.output / name).write_text(json.dumps(growth, indent=2))
        print(render_growth(growth))
        print(f"JSON: {args.output / name}")


def _report(
    run: _Running, result: Result, floor: dict[str, Any], probe: dict[str, Any],
    args: argparse.Namespace,
) -> dict[str, Any]:  # fmt: skip
    return {
        "households": run.size.households,
        "clients": args.clients,
        "workers": args.workers,
        "rounds": args.rounds,
        "loaded": run.loaded,
        "service_peak_mb": round(run.memory, 1),
        "search_terms": {
            "name_prefixes": len(run.samples.name_prefixes),
            "page_prefixes": len(run.samples.page_prefixes),
        },
        "operations": {
            op: {
                **asdict(summarize(lat, run.wall)),
                "errors": result.errors.get(op, 0),
                "first_error": result.first_error.get(op),
            }
            for op, lat in result.latencies.items()
        },
        "errors": result.errors,
        "floor": floor,
        "alone": run.alone,
        "probe": probe,
    }


def _growth(reports: list[dict[str, Any]], mixes: list[Result]) -> dict[str, Any]:
    """Each size's p50 against the smallest's, for every operation, from the same run: under
    the mix (with a 95% bootstrap interval, since a p50 from a few hundred requests on a shared
    2-core machine moves by several percent) and each read alone."""
    base, base_mix = reports[0], mixes[0]
    ratios: dict[str, dict[str, float]] = {}
    intervals: dict[str, dict[str, list[float]]] = {}
    alone: dict[str, dict[str, float]] = {}
    for report, mix in zip(reports[1:], mixes[1:], strict=True):
        key = f"{report['households']}/{base['households']}"
        ratios[key] = {
            op: stats["p50_ms"] / base["operations"][op]["p50_ms"]
            for op, stats in report["operations"].items()
            if base["operations"].get(op, {}).get("p50_ms")
        }
        ratios[key]["household page, one client"] = (
            report["probe"]["household_page_p50_ms"] / base["probe"]["household_page_p50_ms"]
        )
        intervals[key] = {
            op: _ratio_interval(base_mix.latencies[op], mix.latencies[op])
            for op in ratios[key]
            if op in mix.latencies and op in base_mix.latencies
        }
        alone[key] = {
            op: stats["p50_ms"] / base["alone"][op]["p50_ms"]
            for op, stats in report["alone"].items()
            if base["alone"].get(op, {}).get("p50_ms")
        }
    return {
        "sizes": [r["households"] for r in reports],
        "p50_ratios": ratios,
        "p50_ratio_95_intervals": intervals,
        "alone_p50_ratios": alone,
    }


def _ratio_interval(base: list[float], other: list[float], draws: int = 2000) -> list[float]:
    """The 2.5th and 97.5th percentiles of p50(other) / p50(base) over bootstrap resamples."""
    rng = random.Random(0)
    found = sorted(
        statistics.median(rng.choices(other, k=len(other)))
        / statistics.median(rng.choices(base, k=len(base)))
        for _ in range(draws)
    )
    return [round(found[int(draws * 0.025)], 3), round(found[int(draws * 0.975) - 1], 3)]


def render_growth(growth: dict[str, Any]) -> str:
    lines = [
        "growth (p50 against the smallest size, same run, sizes taking turns; "
        "under the mix with its 95% interval, and alone):"
    ]
    for key, ratios in growth["p50_ratios"].items():
        intervals = growth["p50_ratio_95_intervals"][key]
        alone = growth["alone_p50_ratios"][key]
        for op, ratio in sorted(ratios.items()):
            low, high = intervals.get(op, [float("nan")] * 2)
            by_itself = f"{alone[op]:>6.2f}x alone" if op in alone else ""
            lines.append(f"  {key:<14}{op:<28}{ratio:>6.2f}x  [{low:.2f}, {high:.2f}]  {by_itself}")
    return "\n".join(lines)


def render(report: dict[str, Any]) -> str:
    """The table: each operation beside its single-statement floor, with CPU per request."""
    lines = [
        f"{report['households']} households, {report['clients']} clients; "
        f"service peak memory {report['service_peak_mb']} MB; run {report['wall_seconds']} s",
        "mix: req/s and latency under the mixed load; alone: the read by itself (4 clients),"
        " CPU ms per request of the service, of Neo4j and of the clients; floor: the best"
        " single statement (its clients: the Neo4j driver)",
        f"{'operation':<20}{'req/s':>7}{'p50':>7}{'p95':>7}{'p99':>7}{'trips':>6}"
        f"{'alone/s':>8}{'p50':>7}{'svc cpu':>8}{'neo cpu':>8}{'cli cpu':>8}"
        f"{'floor/s':>8}{'p50':>7}{'neo cpu':>8}{'cli cpu':>8}{'x floor':>8}{'errors':>7}",
    ]
    for op, stats in sorted(report["operations"].items()):
        floor = report["floor"].get(op) or {}
        alone = report.get("alone", {}).get(op) or {}
        trips = report["probe"]["round_trips"].get(op, "")
        floor_p50 = floor.get("p50_ms")
        ratio = f"{stats['p50_ms'] / floor_p50:.1f}" if floor_p50 else ""
        floor_rate = floor["count"] / floor["seconds"] if floor else None
        lines.append(
            f"{op:<20}{stats['count'] / stats['seconds']:>7.1f}{stats['p50_ms']:>7.1f}"
            f"{stats['p95_ms']:>7.1f}{stats['p99_ms']:>7.1f}{trips!s:>6}"
            f"{_num(alone.get('per_second')):>8}{_num(alone.get('p50_ms')):>7}"
            f"{_num(alone.get('service_cpu_ms')):>8}{_num(alone.get('neo4j_cpu_ms')):>8}"
            f"{_num(alone.get('client_cpu_ms')):>8}"
            f"{_num(floor_rate):>8}{_num(floor_p50):>7}{_num(floor.get('neo4j_cpu_ms')):>8}"
            f"{_num(floor.get('driver_cpu_ms')):>8}"
            f"{ratio:>8}{stats['errors']:>7}"
        )
    return "\n".join(lines)


def _num(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else ""


if __name__ == "__main__":
    main()
