"""`python -m bench.hostile_documents`: does hostile input hold the event loop or keep memory?

Starts a managed Neo4j of its own (empty: nothing here needs data) and the service as users
run it (`graph-service serve`), then, for `--seconds`, `--clients` concurrent anonymous
clients (in a process of their own) send the worst documents and bodies we know, round
robin, while this process asks `/healthz` every 20 ms and reads the service's memory every
100 ms: its process's resident memory (VmRSS), and with its worker processes' proportional
share (Pss: pages the fork server and the worker share are counted once). Prints `/healthz`
p50 / p99 / max with and without the hostile load, each hostile request's answer (status,
code) and latency, and the service's memory before, at its peak and after the load (once
idle for `--settle` seconds).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import httpx
from graphql import get_introspection_query

from bench.service import start_service, stop_service
from bench.stats import summarize
from graph_service.localdb import LocalNeo4j
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings

JSON = {"content-type": "application/json"}
MEGABYTE = 1_048_576  # the default GRAPH_SERVICE_MAX_BODY_BYTES


def _doubling(levels: int, leaf: str) -> str:
    fragments = [f"fragment F{n} on Query {{ ...F{n + 1} ...F{n + 1} }}" for n in range(levels)]
    fragments.append(f"fragment F{levels} on Query {{ {leaf} }}")
    return "{ ...F0 }\n" + "\n".join(fragments)


def _fan_out(fragments: int, spreads_each: int) -> str:
    """Every fragment spreads the next `spreads_each` fragments: a wide web, not a chain."""
    defs = []
    for n in range(fragments):
        following = [f"...W{m}" for m in range(n + 1, min(fragments, n + 1 + spreads_each))]
        defs.append(f"fragment W{n} on Query {{ __typename {' '.join(following)} }}")
    return "{ ...W0 }\n" + "\n".join(defs)


def _query(document: str, **extra: Any) -> bytes:
    return json.dumps({"query": document, **extra}).encode()


def hostile_requests() -> dict[str, bytes]:
    """Each request body, by name: documents within the token limit, bodies near 1 MB."""
    deep = 100_000
    return {
        "doubling fragments, 20 levels": _query(_doubling(20, "__typename")),
        "doubling fragments, 25 levels": _query(_doubling(25, "service { name }")),
        "doubling fragments, 40 levels, aliased": _query(_doubling(40, "a: __typename")),
        "fragment fan-out, 50 x 4": _query(_fan_out(50, 4)),
        "1,000 aliases": _query("{ " + " ".join(f"a{i}: __typename" for i in range(990)) + " }"),
        "2,990 same-named fields": _query("{ " + " ".join(["__typename"] * 2990) + " }"),
        "over the token limit": _query("{ " + " ".join(["__typename"] * 4000) + " }"),
        "nested selections": _query("{ " + "service { " * 1400 + "name" + " }" * 1400 + " }"),
        "1 MB of small JSON objects": _query(
            "{ service { name } }", variables={"pad": [{"a": 1}] * ((MEGABYTE - 200) // 10)}
        ),
        "2 MB body": _query("{ service { name } }", variables={"pad": "x" * 2 * MEGABYTE}),
        "variables 100k deep": (
            b'{"query": "{ service { name } }", "variables": {"x": '
            + b"[" * deep
            + b"]" * deep
            + b"}}"
        ),
        # Within every limit, so validated and run: a literal the lexer reads a character at
        # a time (about a second), in a document every located error rescans.
        "900 kB string literal (valid)": _query(f'{{ node(id: "{"x" * 900_000}") {{ id }} }}'),
    }


@dataclass
class Answers:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    outcomes: dict[str, Counter[str]] = field(default_factory=dict)


def _outcome(response: httpx.Response) -> str:
    try:
        errors = response.json().get("errors") or []
    except ValueError:
        return f"{response.status_code} not JSON"
    code = errors[0].get("extensions", {}).get("code") if errors else "no error"
    message = errors[0]["message"][:60] if errors else ""
    return f"{response.status_code} {code}: {message}"


def hammer(url: str, bodies: dict[str, bytes], clients: int, seconds: float) -> Answers:
    """`clients` concurrent connections sending every body in turn for `seconds`."""
    answers = Answers()
    names = list(bodies)

    async def client(offset: int) -> None:
        async with httpx.AsyncClient(base_url=url, timeout=600) as http:
            deadline = time.monotonic() + seconds
            turn = offset
            while time.monotonic() < deadline:
                name = names[turn % len(names)]
                turn += 1
                started = time.perf_counter()
                try:
                    response = await http.post("/graphql", content=bodies[name], headers=JSON)
                    outcome = _outcome(response)
                except httpx.HTTPError as error:
                    outcome = f"transport error: {type(error).__name__}"
                answers.latencies.setdefault(name, []).append(time.perf_counter() - started)
                answers.outcomes.setdefault(name, Counter())[outcome] += 1

    async def main() -> None:
        await asyncio.gather(*(client(i) for i in range(clients)))

    asyncio.run(main())
    return answers


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:  # a worker process that ended between the listing and the reading
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    """The process's children, theirs, and so on (the heavy-work fork server and worker)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, pending = [], [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def pss_mb(pid: int) -> float:
    """The process's proportional share of memory: a page shared by n processes counts 1/n."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_pss_mb(pid: int) -> float:
    """The service's memory with its worker processes' (the fork server, the worker and
    multiprocessing's resource tracker)."""
    return pss_mb(pid) + sum(pss_mb(child) for child in descendants(pid))


@dataclass
class Watch:
    """`/healthz` latencies and the service's memory, sampled until `stop` is set."""

    url: str
    pid: int
    stop: threading.Event = field(default_factory=threading.Event)
    healthz: list[float] = field(default_factory=list)
    failures: int = 0
    peak_mb: float = 0.0
    peak_tree_mb: float = 0.0

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as http:
            next_rss = next_pss = 0.0
            while not self.stop.is_set():
                started = time.perf_counter()
                try:
                    ok = http.get("/healthz").status_code == 200
                except httpx.HTTPError:
                    ok = False
                self.healthz.append(time.perf_counter() - started)
                self.failures += 0 if ok else 1
                if time.monotonic() >= next_rss:
                    self.peak_mb = max(self.peak_mb, rss_mb(self.pid))
                    next_rss = time.monotonic() + 0.1
                if time.monotonic() >= next_pss:  # listing every process takes a while
                    self.peak_tree_mb = max(self.peak_tree_mb, tree_pss_mb(self.pid))
                    next_pss = time.monotonic() + 0.5
                time.sleep(0.02)


def _watch(url: str, pid: int, seconds: float, hostile: Any = None) -> tuple[Watch, Any]:
    watch = Watch(url, pid)
    thread = threading.Thread(target=watch.run, daemon=True)
    thread.start()
    result = None
    if hostile is None:
        time.sleep(seconds)
    else:
        result = hostile()
    watch.stop.set()
    thread.join()
    return watch, result


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile_documents")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--settle", type=float, default=10.0, help="idle before memory after")
    parser.add_argument("--bolt-port", type=int, default=7791)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--home", type=Path, default=Path(".graph-service/hostile-neo4j"))
    parser.add_argument("--output", type=Path, default=Path("bench/results"))
    return parser.parse_args()


def main() -> None:
    args = _args()
    args.output.mkdir(parents=True, exist_ok=True)
    server = LocalNeo4j(
        home=args.home.resolve(), port=args.bolt_port, password=DEV_NEO4J_PASSWORD,
        jar_cache_dir=Settings().jar_cache_dir, heap="512m", pagecache="128m",
    )  # fmt: skip
    server.stop()
    server.reset()
    server.start()
    service = None
    try:
        service = start_service(
            bolt_uri=server.bolt_uri, password=DEV_NEO4J_PASSWORD, port=args.port,
            pinned=datetime.now(UTC).replace(microsecond=0).isoformat(),
            log=args.output / "hostile-service.log",
        )  # fmt: skip
        url = f"http://127.0.0.1:{args.port}"
        # Warm, with what clients send: imports, caches, the first requests' allocations,
        # GraphiQL's introspection query, and the same padded past 2,000 characters (so that
        # it takes the heavy-work process that hostile documents take too).
        introspection = get_introspection_query(descriptions=True)
        for query in ("{ service { name } }", introspection, introspection + " " * 2000):
            for _ in range(50):
                httpx.post(f"{url}/graphql", json={"query": query}, timeout=30)
        before = rss_mb(service.pid), tree_pss_mb(service.pid)
        quiet, _ = _watch(url, service.pid, 5.0)
        bodies = hostile_requests()
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            loaded, answers = _watch(
                url, service.pid, args.seconds,
                lambda: pool.submit(hammer, url, bodies, args.clients, args.seconds).result(),
            )  # fmt: skip
        time.sleep(args.settle)
        after = rss_mb(service.pid), tree_pss_mb(service.pid)
        report = _report(args, bodies, quiet, loaded, answers, before, after)
    finally:
        if service is not None:
            stop_service(service)
        server.stop()
    path = args.output / "hostile-documents.json"
    path.write_text(json.dumps(report, indent=2))
    print(render(report))
    print(f"JSON: {path}")


def _report(
    args: argparse.Namespace, bodies: dict[str, bytes], quiet: Watch, loaded: Watch,
    answers: Answers, before: tuple[float, float], after: tuple[float, float],
) -> dict[str, Any]:  # fmt: skip
    def healthz(watch: Watch) -> dict[str, Any]:
        summary = summarize(watch.healthz, 1)
        worst = max(watch.healthz) * 1000 if watch.healthz else 0.0
        return {
            "count": summary.count, "p50_ms": round(summary.p50_ms, 1),
            "p99_ms": round(summary.p99_ms, 1), "max_ms": round(worst, 1),
            "failures": watch.failures,
        }  # fmt: skip

    return {
        "clients": args.clients,
        "seconds": args.seconds,
        "healthz_quiet": healthz(quiet),
        "healthz_under_load": healthz(loaded),
        "rss_mb": _memory(before[0], loaded.peak_mb, after[0]),
        "pss_with_workers_mb": _memory(before[1], loaded.peak_tree_mb, after[1]),
        "requests": {
            name: {
                "bytes": len(bodies[name]),
                "count": len(answers.latencies.get(name, [])),
                "p50_ms": round(summarize(answers.latencies.get(name, []), 1).p50_ms, 1),
                "p99_ms": round(summarize(answers.latencies.get(name, []), 1).p99_ms, 1),
                "answers": dict(answers.outcomes.get(name, {})),
            }
            for name in bodies
        },
    }


def _memory(before: float, peak: float, after: float) -> dict[str, float]:
    return {
        "before": round(before, 1),
        "peak": round(max(peak, before), 1),
        "after": round(after, 1),
        "after_over_before": round(after / before, 3),
    }


def render(report: dict[str, Any]) -> str:
    quiet, loaded, rss = report["healthz_quiet"], report["healthz_under_load"], report["rss_mb"]
    tree = report["pss_with_workers_mb"]
    lines = [
        f"{report['clients']} hostile clients for {report['seconds']} s",
        f"/healthz quiet:      p50 {quiet['p50_ms']} ms, p99 {quiet['p99_ms']} ms, "
        f"max {quiet['max_ms']} ms ({quiet['count']} probes)",
        f"/healthz under load: p50 {loaded['p50_ms']} ms, p99 {loaded['p99_ms']} ms, "
        f"max {loaded['max_ms']} ms ({loaded['count']} probes, {loaded['failures']} failed)",
        f"service RSS: before {rss['before']} MB, peak {rss['peak']} MB, after {rss['after']} MB "
        f"({rss['after_over_before']:.2f}x)",
        f"Pss with its worker processes: before {tree['before']} MB, peak {tree['peak']} MB, "
        f"after {tree['after']} MB ({tree['after_over_before']:.2f}x)",
        f"{'request':<40}{'bytes':>9}{'count':>7}{'p50 ms':>9}{'p99 ms':>9}  answer",
    ]
    for name, stats in report["requests"].items():
        answer = "; ".join(f"{k} (x{v})" for k, v in stats["answers"].items())
        lines.append(
            f"{name:<40}{stats['bytes']:>9}{stats['count']:>7}{stats['p50_ms']:>9}"
            f"{stats['p99_ms']:>9}  {answer}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
