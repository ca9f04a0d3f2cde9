"""Initial loads through Neo4j's own bulk importer, for the managed local server's empty
database: the generator streams into CSV files (`import_files`), the server stops,
`neo4j-admin database import full` writes the store, the server starts again, migrations
add the constraints and indexes, and the staff story is told from its recording.

The batched path (`demo.load_demo_district`) writes the same graph through Cypher and is the
one for any database that already holds data or that we do not manage (NEO4J_URI); the
`seed` command picks between them (`choose_path`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from neo4j import AsyncDriver

from graph_service.access.policy import Policy
from graph_service.db.cypher import cypher
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.db.run import Stamp, read_all
from graph_service.localdb import LocalNeo4j
from graph_service.seeding.background_generator import BackgroundGenerator
from graph_service.seeding.bulk import GraphCounts, count_graph
from graph_service.seeding.demo import SEED_ACTOR, _schools, apply_staff_story
from graph_service.seeding.import_files import ImportFiles
from graph_service.seeding.phase_clock import PhaseClock
from graph_service.seeding.story_snapshot import Snapshot, find_snapshot
from graph_service.settings import Settings
from seeds.district import Planted, StaffStory
from seeds.generator import CHUNK_HOUSEHOLDS, iter_district
from seeds.planted import PLANTED_HOUSEHOLDS

HouseholdProgress = Callable[[int, int], None]  # (households made so far, households asked)


@dataclass
class BulkSummary:
    households: int
    seed: int
    anchor: datetime
    staff_by_state: dict[str, str]
    planted: Planted
    rows: dict[str, int]
    counts: GraphCounts
    staff_story_applied: bool
    # generate, write CSV, stop, import, start, migrations, story, count (seconds, in order)
    phases: dict[str, float] = field(default_factory=dict)
    # the CPU seconds of the same phases: this process, the importer and the server
    phases_cpu: dict[str, float] = field(default_factory=dict)
    generator_peak_mb: float = 0.0  # the generator's own process (this one's is apart)

    @property
    def seconds(self) -> float:
        return sum(self.phases.values())


def story_of(*, seed: int, anchor: datetime) -> StaffStory:
    """The staff story a district of any size tells (it is told with the three schools
    every district opens with)."""
    first = next(iter_district(households=5, seed=seed, anchor=anchor))
    assert first.staff is not None  # the first chunk carries it
    return first.staff


async def holds_data(driver: AsyncDriver, database: str) -> bool:
    rows = await read_all(driver, cypher("seed/holds_data"), database=database)
    return bool(rows[0]["holdsData"])


def _school_nodes(snapshot: Snapshot, schools: list[dict[str, str]], anchor: datetime) -> list[Any]:
    """The School nodes as a batched load leaves them: the story's from its recording,
    schools opened later as `staff/upsert_schools` creates them at the load's instant."""
    recorded = [n["properties"] for n in snapshot.nodes if n["labels"] == ["School"]]
    at = anchor.astimezone(UTC)
    later = [
        {"id": s["id"], "name": s["name"], "createdAt": at, "createdBy": SEED_ACTOR,
         "updatedAt": at, "updatedBy": SEED_ACTOR, "version": 1}
        for s in schools
    ]  # fmt: skip
    return [*recorded, *later]


async def bulk_load_demo_district(
    local: LocalNeo4j,
    settings: Settings,
    *,
    households: int,
    seed: int,
    anchor: datetime,
    policy: Policy,
    heap: str = "512m",
    off_heap: str = "1g",
    progress: HouseholdProgress | None = None,
    on_import_line: Callable[[str], None] | None = None,
    chunk_households: int = CHUNK_HOUSEHOLDS,
) -> BulkSummary:
    """Replace the managed server's database with the demo district (call only when it
    holds nothing: whatever is there is gone). Leaves the server running."""
    story = story_of(seed=seed, anchor=anchor)
    snapshot = find_snapshot(story, policy)
    if snapshot is None:
        raise ValueError("the bulk path needs the staff story's recording for this anchor")
    clock = PhaseClock(server_pid=lambda: local.status().pid)
    for name in ("generate", "write CSV", "stop", "import", "start"):
        clock.add(name, 0.0, 0.0)
    folder = local.layout.home / "import" / f"bulk-seed-{seed}"
    shutil.rmtree(folder, ignore_errors=True)
    files = ImportFiles(folder, Stamp(SEED_ACTOR, anchor))
    # The server shuts down while the district is generated (it is not needed until the
    # import is done); "stop" is only the wait left after the files are written. The
    # generator's process is forked first, while this process runs no other thread.
    was_running = local.status().running
    generator = BackgroundGenerator(
        households=households, seed=seed, anchor=anchor, chunk_households=chunk_households
    )
    with generator, ThreadPoolExecutor(max_workers=1) as background:
        stopping = background.submit(local.stop)
        try:
            made = _write_district(files, clock, generator, households, progress)
            with clock.phase("write CSV"):
                for school in _school_nodes(snapshot, made.schools, anchor):
                    files.write_school(school)
                files.close()
            with clock.phase("stop"):
                stopping.result()
        except BaseException:
            stopping.result()
            files.close()
            shutil.rmtree(folder, ignore_errors=True)
            if was_running:
                local.start()  # as it was: nothing was imported
            raise
    try:
        with clock.phase("import"):
            local.import_full(
                settings.neo4j_database, files.arguments(), heap=heap, off_heap=off_heap,
                on_line=on_import_line,
            )  # fmt: skip
    except BaseException:
        if was_running:
            local.start()  # as it was: the failed import left the database empty
        raise
    finally:
        files.close()
        shutil.rmtree(folder, ignore_errors=True)
    with clock.phase("start", server=True):
        local.start()
    async with create_driver(settings) as driver:
        with clock.phase("migrations", server=True):
            # The importer wrote the store whole, in the shape today's statements write
            # (listings included): there is no older data for a backfill to bring up to date.
            await migrate(driver, database=settings.neo4j_database, backfills=False)
        with clock.phase("story", server=True):
            applied = await apply_staff_story(
                driver, settings.neo4j_database, story, policy=policy, anchor=anchor,
                schools=_schools(made.schools),
            )  # fmt: skip
        with clock.phase("count", server=True):
            counts = await count_graph(driver, settings.neo4j_database, from_count_store=True)
    return BulkSummary(
        households=files.rows["households"] - PLANTED_HOUSEHOLDS,
        seed=seed,
        anchor=anchor,
        staff_by_state=dict(made.staff.by_state),
        planted=made.planted,
        rows={
            kind: count for kind, count in files.rows.items() if kind not in ("schools", "listings")
        },
        counts=counts,
        staff_story_applied=applied,
        phases=clock.wall,
        phases_cpu=clock.cpu,
        generator_peak_mb=generator.peak_rss_kib / 1024,
    )


@dataclass
class _Made:
    """What the load needs of the district once its rows are in the files (holding the
    first and last chunks instead kept two chunks' rows alive: ~100 MB)."""

    staff: StaffStory
    planted: Planted
    schools: list[dict[str, str]]  # open at the end


def _write_district(
    files: ImportFiles,
    clock: PhaseClock,
    generator: BackgroundGenerator,
    households: int,
    progress: HouseholdProgress | None,
) -> _Made:
    """Stream the generator's chunks into the files. "generate" is the time spent waiting
    for the next chunk (the generating that writing could not hide) with the generator's
    whole CPU (its process is waited for within it), "write CSV" the writing."""
    made: _Made | None = None
    households_made = 0
    chunks = iter(generator)
    while True:
        with clock.phase("generate"):
            chunk = next(chunks, None)
        if chunk is None:
            break
        with clock.phase("write CSV"):
            files.write(chunk)
        if made is None:
            assert chunk.staff is not None  # the first chunk carries the story and planted
            made = _Made(chunk.staff, chunk.planted, chunk.schools)
        made.schools = chunk.schools
        households_made += len(chunk.households)
        if progress is not None:
            progress(households_made, households + PLANTED_HOUSEHOLDS)
        del chunk  # before the next arrives
    assert made is not None
    return made
