"""Loading the demo district: the staff story through the real access services at pinned
instants (the engine decides every grant), then the households in bulk.

`load_demo_district` is what `graph-service seed`, `make run` and the pytest plugin call.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from neo4j import AsyncDriver

from graph_service.access.policy import Policy
from graph_service.access.settings import AccessSettings
from graph_service.clock import Clock, FixedClock
from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, read_all
from graph_service.db.staff import ReferenceData, School
from graph_service.seeding.bulk import (
    DEFAULT_BATCH,
    LOAD_ORDER,
    GraphCounts,
    Progress,
    count_graph,
    write_rows,
)
from graph_service.seeding.story_snapshot import find_snapshot, load_snapshot
from graph_service.services.access_events import record_event
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.access_reference import load_reference_data
from graph_service.services.runtime import Runtime
from seeds.district import District, Planted, StaffStory
from seeds.generator import CHUNK_HOUSEHOLDS, iter_district
from seeds.planted import PLANTED_HOUSEHOLDS

SEED_ACTOR = "demo-seed"
ROWS_PER_HOUSEHOLD = 19  # about, in generated districts: sizes the progress bar only


@dataclass
class DemoSummary:
    """What was loaded, for the command's summary and for callers printing demo tokens."""

    households: int
    seed: int
    anchor: datetime
    staff_by_state: dict[str, str]
    planted: Planted
    rows: dict[str, int]
    kind_seconds: dict[str, float]
    counts: GraphCounts
    staff_story_applied: bool
    seconds: float  # generating, the staff story and the bulk load
    generate_seconds: float = 0.0
    story_seconds: float = 0.0
    load_seconds: float = 0.0
    school_ids: list[str] = field(default_factory=list)

    @property
    def rows_per_second(self) -> float:
        """The bulk load's rate (household rows written per second)."""
        return sum(self.rows.values()) / self.load_seconds if self.load_seconds else 0.0


async def _present(driver: AsyncDriver, database: str, employee_ids: list[str]) -> set[str]:
    rows = await read_all(
        driver, cypher("seed/staff_present"), database=database, employeeIds=employee_ids
    )
    return set(rows[0]["present"])


async def apply_staff_story(
    driver: AsyncDriver,
    database: str,
    story: StaffStory,
    *,
    policy: Policy,
    anchor: datetime,
    schools: Sequence[School] = (),
) -> bool:
    """Tell the story once (when its staff are already recorded it is not told again), then
    save the `schools` the database lacks (a larger district's later schools). Told from its
    shipped recording when there is one for exactly this story and policy (three
    statements), else replayed through the services. True if told."""
    employees = list(story.by_state.values())
    told = not await _present(driver, database, employees)
    if told:
        snapshot = find_snapshot(story, policy)
        if snapshot is not None:
            await load_snapshot(driver, database, snapshot)
        else:
            await replay_staff_story(driver, database, story, policy=policy)
    await save_missing_schools(
        driver, database, [*story.reference.schools, *schools], policy=policy, anchor=anchor
    )
    return told


async def save_missing_schools(
    driver: AsyncDriver,
    database: str,
    schools: Sequence[School],
    *,
    policy: Policy,
    anchor: datetime,
) -> None:
    """Save, as reference data, those of `schools` the database lacks."""
    rows = await read_all(driver, cypher("seed/school_ids"), database=database)
    known = set(rows[0]["ids"])
    wanted = {school.id: school for school in schools}
    missing = [school for school_id, school in wanted.items() if school_id not in known]
    if missing:
        runtime = Runtime(driver, database, policy, FixedClock(anchor))
        await load_reference_data(runtime, ReferenceData(schools=missing), actor=SEED_ACTOR)


async def replay_staff_story(
    driver: AsyncDriver, database: str, story: StaffStory, *, policy: Policy
) -> None:
    """Deliver each step's events through the access services, the clock walking the steps."""
    clock = FixedClock(story.steps[0].at)
    runtime = Runtime(driver, database, policy, clock)
    await load_reference_data(runtime, story.reference, actor=SEED_ACTOR)
    for step in story.steps:
        clock.advance_to(step.at)
        for event in step.events:
            await record_event(runtime, event)
        if step.sweep:
            await run_sweep(runtime)


async def load_district(
    driver: AsyncDriver,
    database: str,
    district: District,
    *,
    stamp: Stamp,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
    total: int | None = None,
) -> dict[str, float]:
    """Write every household row of `district` in load order; seconds per kind. `total`
    is the whole load's row count for `progress` (default: this district's)."""
    counts, seconds = district.row_counts(), {}
    for kind in LOAD_ORDER:
        started = time.perf_counter()
        await write_rows(
            driver, database, kind, getattr(district, kind), stamp=stamp,
            batch_size=batch_size, progress=progress, total=total or sum(counts.values()),
        )  # fmt: skip
        seconds[kind] = time.perf_counter() - started
    return seconds


def _schools(rows: list[dict[str, str]]) -> list[School]:
    return [School(id=row["id"], name=row["name"]) for row in rows]


async def load_demo_district(
    driver: AsyncDriver,
    database: str,
    *,
    households: int,
    seed: int,
    clock: Clock,
    policy: Policy | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
    chunk_households: int = CHUNK_HOUSEHOLDS,
) -> DemoSummary:
    """Generate the district as of `clock.now()` and load it (staff story, then households).
    Streamed: each chunk of the generator is written before the next is made, so memory
    stays flat in `households`. Idempotent: the same seed in the same school year changes
    nothing (dated edges merge on their start day, so an anchor in another school year would
    add a second copy). The staff states in `staff_by_state` hold at that instant (pin the
    service's clock there)."""
    anchor = clock.now()
    policy = policy or AccessSettings().policy()
    stamp = Stamp(SEED_ACTOR, anchor)
    started = mark = time.perf_counter()
    rows: Counter[str] = Counter()
    kind_seconds = dict.fromkeys(LOAD_ORDER, 0.0)
    generate_seconds = story_seconds = 0.0
    first: District | None = None
    schools: list[dict[str, str]] = []
    applied = False
    estimate = (households + PLANTED_HOUSEHOLDS) * ROWS_PER_HOUSEHOLD  # for progress only
    chunks = iter_district(
        households=households, seed=seed, anchor=anchor, chunk_households=chunk_households
    )
    for chunk in chunks:
        now = time.perf_counter()
        generate_seconds += now - mark
        if first is None:
            first = chunk
            assert chunk.staff is not None  # the first chunk carries the story
            applied = await apply_staff_story(
                driver, database, chunk.staff, policy=policy, anchor=anchor,
                schools=_schools(chunk.schools),
            )  # fmt: skip
        elif len(chunk.schools) > len(schools):
            await save_missing_schools(
                driver, database, _schools(chunk.schools), policy=policy, anchor=anchor
            )
        schools = chunk.schools
        mark = time.perf_counter()
        story_seconds += mark - now
        made = chunk.row_counts()
        seconds = await load_district(
            driver, database, chunk, stamp=stamp, batch_size=batch_size, progress=progress,
            total=max(estimate, sum(rows.values()) + sum(made.values())),
        )  # fmt: skip
        rows.update(made)
        for kind, spent in seconds.items():
            kind_seconds[kind] += spent
        mark = time.perf_counter()
    loaded = time.perf_counter()
    assert first is not None
    assert first.staff is not None
    counts = await count_graph(driver, database)
    return DemoSummary(
        # The last family is never cut short: up to two households more than asked.
        households=rows["households"] - PLANTED_HOUSEHOLDS,
        seed=seed,
        anchor=anchor,
        staff_by_state=dict(first.staff.by_state),
        planted=first.planted,
        rows={kind: rows[kind] for kind in first.row_counts()},
        kind_seconds=kind_seconds,
        counts=counts,
        staff_story_applied=applied,
        seconds=loaded - started,
        generate_seconds=generate_seconds,
        story_seconds=story_seconds,
        load_seconds=loaded - started - generate_seconds - story_seconds,
        school_ids=[school["id"] for school in schools],
    )
