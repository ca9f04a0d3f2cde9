"""The `seed` and `import` commands. The lead wires them into graph_service/cli.py:
`main.add_command(seed)` and `main.add_command(import_csv)`."""

from __future__ import annotations

import asyncio
import re
import resource
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol, TypeVar

import click
from neo4j import AsyncDriver
from neo4j.exceptions import DriverError, Neo4jError

from graph_service.access.policy import InvalidPolicy, Policy
from graph_service.access.settings import AccessSettings
from graph_service.clock import Clock, FixedClock
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.demo import DEMO_INSTANT
from graph_service.errors import ServiceError
from graph_service.localdb import LocalNeo4j, LocalNeo4jError
from graph_service.seeding.bulk import DEFAULT_BATCH, GraphCounts
from graph_service.seeding.csv_import import ImportReport, import_directory
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.seeding.failures import explain
from graph_service.seeding.initial_load import (
    BulkSummary,
    bulk_load_demo_district,
    holds_data,
    story_of,
)
from graph_service.seeding.story_snapshot import find_snapshot
from graph_service.settings import Settings

T = TypeVar("T")


def _run(
    work: Callable[[AsyncDriver, str], Awaitable[T]],
    *,
    migrations: bool = True,
    settings: Settings | None = None,
) -> T:
    """Connect, apply pending migrations (a fresh database gets its constraints first) and run
    `work`; failures become one-line messages."""
    try:
        settings = settings or Settings()
    except ValueError as error:
        raise click.ClickException(str(error)) from error

    async def main() -> T:
        async with create_driver(settings) as driver:
            await driver.verify_connectivity()
            if migrations:
                await migrate(driver, database=settings.neo4j_database)
            return await work(driver, settings.neo4j_database)

    try:
        return asyncio.run(main())
    except ServiceError as error:
        raise click.ClickException(error.message) from error
    except (DriverError, Neo4jError, OSError) as error:
        raise click.ClickException(explain(error, settings.bolt_uri)) from error


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if peak > 1 << 32 else 1)


def render_counts(counts: GraphCounts) -> list[str]:
    nodes = ", ".join(f"{name} {count:,}" for name, count in counts.nodes.items())
    edges = ", ".join(f"{name} {count:,}" for name, count in counts.relationships.items())
    return [
        f"graph: {counts.total_nodes:,} nodes ({nodes})",
        f"       {counts.total_relationships:,} relationships ({edges})",
    ]


class LoadedDistrict(Protocol):
    """What both load paths report (`DemoSummary`, `BulkSummary`)."""

    households: int
    seed: int
    anchor: datetime
    staff_by_state: dict[str, str]
    counts: GraphCounts
    staff_story_applied: bool


def _headline(summary: LoadedDistrict) -> str:
    return (
        f"demo district: {summary.households:,} households + 5 planted, seed {summary.seed}, "
        f"as of {summary.anchor.isoformat()}"
    )


def _graph_and_staff(summary: LoadedDistrict) -> list[str]:
    return [
        *render_counts(summary.counts),
        "staff story: " + ("applied" if summary.staff_story_applied else "already there, kept"),
        "demo staff by access state (graph-service token <id>):",
        *(f"  {state:<15} {employee}" for state, employee in summary.staff_by_state.items()),
    ]


def render_summary(summary: DemoSummary) -> str:
    rows = sum(summary.rows.values())
    lines = [
        _headline(summary),
        f"{summary.seconds:.1f} s: generating {summary.generate_seconds:.1f} s, staff story "
        f"{summary.story_seconds:.1f} s, bulk load of {rows:,} rows {summary.load_seconds:.1f} s "
        f"({summary.rows_per_second:,.0f} rows/s); peak memory {peak_rss_mb():.0f} MB",
        "by kind: "
        + ", ".join(
            f"{kind} {summary.rows[kind]:,} in {seconds:.1f} s"
            for kind, seconds in summary.kind_seconds.items()
        ),
        *_graph_and_staff(summary),
    ]
    return "\n".join(lines)


# Below this the bulk path's fixed costs (a server stop, the importer's JVM, a start, the
# migrations on a cold server) outweigh the rows: into an empty managed database, 60
# households took 42 s through the importer and 24 s through Cypher batches, 2,000 took
# 69 s and 59 s (docs/loading.md).
BULK_FROM_HOUSEHOLDS = 2_000


def choose_path(
    settings: Settings,
    *,
    batched: bool,
    seed_number: int,
    anchor: datetime,
    policy: Policy,
    households: int = BULK_FROM_HOUSEHOLDS,
) -> tuple[str, str]:
    """("bulk" or "batched", why). The bulk importer replaces a whole store with the server
    stopped, so it is only for the managed local server's database, only when empty, and
    only for a district large enough to repay the server's restart."""
    if batched:
        return "batched", "--batched given"
    if not settings.uses_local_neo4j:
        return "batched", (
            f"the target {settings.bolt_uri} comes from NEO4J_URI, not the managed local "
            "server, whose store this command could stop and write"
        )
    if not LocalNeo4j.from_settings(settings).status().running:
        return "batched", "the managed local server is not running (graph-service db start)"
    if households < BULK_FROM_HOUSEHOLDS:
        return "batched", (
            f"under {BULK_FROM_HOUSEHOLDS:,} households Cypher batches are quicker than "
            "restarting the server around neo4j-admin database import"
        )
    if find_snapshot(story_of(seed=seed_number, anchor=anchor), policy) is None:
        return "batched", "the staff story has no recording for this --as-of"

    async def check(driver: AsyncDriver, database: str) -> bool:
        return await holds_data(driver, database)

    if _run(check, migrations=False, settings=settings):
        return "batched", "the database already holds data: rows are merged onto it"
    return "bulk", (
        "the managed local database is empty: neo4j-admin database import writes its "
        "store directly (the server stops for the import and starts again)"
    )


def render_bulk_summary(summary: BulkSummary) -> str:
    rows = sum(summary.rows.values())
    phases = ", ".join(
        f"{name} {seconds:.1f} s (CPU {summary.phases_cpu.get(name, 0.0):.1f})"
        for name, seconds in summary.phases.items()
    )
    lines = [
        _headline(summary),
        f"{summary.seconds:.1f} s for {rows:,} rows through neo4j-admin database import: "
        f"{phases}; peak memory {peak_rss_mb():.0f} MB (this process), "
        f"{summary.generator_peak_mb:.0f} MB (the generator's)",
        *_graph_and_staff(summary),
    ]
    return "\n".join(lines)


def _bulk(settings: Settings, *, households: int, seed_number: int, clock: Clock,
          policy: Policy, heap: str) -> BulkSummary:  # fmt: skip
    local = LocalNeo4j.from_settings(settings)
    with click.progressbar(length=households + 5, label="generating + writing CSV") as bar:

        def progress(made: int, total: int) -> None:
            bar.update(made - bar.pos)

        def on_line(line: str) -> None:
            # The importer's stages and totals, not its file lists, estimates or dotted
            # progress lines (all of it is in logs/import.log).
            text = line.strip()
            totals = text.endswith((" nodes", " relationships", " properties"))
            if text.startswith(("(", "IMPORT DONE", "Peak memory")) or totals:
                click.echo(f"  import: {text}")

        try:
            return asyncio.run(
                bulk_load_demo_district(
                    local, settings, households=households, seed=seed_number,
                    anchor=clock.now(), policy=policy, heap=heap, progress=progress,
                    on_import_line=on_line,
                )
            )  # fmt: skip
        except LocalNeo4jError as error:
            raise click.ClickException(str(error)) from error
        except (DriverError, Neo4jError, OSError) as error:
            raise click.ClickException(explain(error, settings.bolt_uri)) from error


@click.command(name="seed")
@click.option("--households", type=click.IntRange(5, 1_000_000), default=200, show_default=True)
@click.option("--seed", "seed_number", type=int, default=1, show_default=True)
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z"]),
    default=None,
    help="Build the district as of this instant (with offset); default: "
    "GRAPH_SERVICE_PINNED_CLOCK, else the instant `serve --demo` pins.",
)
@click.option("--batch-size", type=click.IntRange(100, 50_000), default=DEFAULT_BATCH)
@click.option(
    "--batched", is_flag=True, help="Write through Cypher batches even into an empty database."
)
@click.option(
    "--import-heap",
    default="512m",
    show_default=True,
    help="JVM heap of neo4j-admin database import (the bulk path), e.g. 256m or 1g.",
)
def seed(
    households: int,
    seed_number: int,
    as_of: datetime | None,
    batch_size: int,
    batched: bool,
    import_heap: str,
) -> None:
    """Load the demo district: households, people, schools and staff in every access state.

    Into the managed local server's empty database it goes through Neo4j's bulk importer
    (the server restarts); into anything else, in merged Cypher batches."""
    if not re.fullmatch(r"\d+[kmg]", import_heap):
        raise click.BadParameter("a size like 256m or 1g", param_hint="--import-heap")
    try:
        # A fixed default anchor: the district's dates follow its school year, so a load in
        # another school year would add a second copy of every dated edge.
        pinned = AccessSettings().pinned_clock
        clock: Clock = FixedClock(as_of or pinned or DEMO_INSTANT)
        policy = AccessSettings().policy()
        settings = Settings()
    except (ValueError, InvalidPolicy) as error:
        raise click.ClickException(str(error)) from error

    path, reason = choose_path(
        settings, batched=batched, seed_number=seed_number, anchor=clock.now(), policy=policy,
        households=households,
    )  # fmt: skip
    click.echo(f"{path} path: {reason}")
    click.echo(f"generating {households:,} households (seed {seed_number}) ...")
    if path == "bulk":
        summary = _bulk(
            settings, households=households, seed_number=seed_number, clock=clock,
            policy=policy, heap=import_heap,
        )  # fmt: skip
        click.echo(render_bulk_summary(summary))
        return

    async def work(driver: AsyncDriver, database: str) -> DemoSummary:
        with click.progressbar(length=1, label="loading", show_pos=True) as bar:

            def progress(kind: str, rows: int, total: int) -> None:
                bar.length = total  # known once the district is generated
                bar.label = f"loading {kind:<16}"
                bar.update(rows)

            return await load_demo_district(
                driver, database, households=households, seed=seed_number, clock=clock,
                policy=policy, batch_size=batch_size, progress=progress,
            )  # fmt: skip

    click.echo(render_summary(_run(work)))


@click.command(name="import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--batch-size", type=click.IntRange(100, 50_000), default=DEFAULT_BATCH)
def import_csv(source: Path, batch_size: int) -> None:
    """Import CSV files a district exports (households.csv, people.csv, memberships.csv,
    addresses.csv, phones.csv, relationships.csv, enrolments.csv, staff.csv) from SOURCE, a
    folder or one file. Bad rows are reported with file, line and reason; the rest loads."""

    async def work(driver: AsyncDriver, database: str) -> ImportReport:
        return await import_directory(driver, database, source, batch_size=batch_size)

    report = _run(work)
    for kind, count in report.loaded.items():
        click.echo(f"{kind}: {count:,} rows loaded")
    for problem in report.rejected:
        click.echo(f"rejected {problem}", err=True)
    click.echo(f"{sum(report.loaded.values()):,} rows loaded, {len(report.rejected)} rejected")
    if report.rejected:
        raise SystemExit(1)
