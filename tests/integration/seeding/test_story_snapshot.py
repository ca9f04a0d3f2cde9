"""The staff story's shipped recordings: each is what replaying its story through the access
services writes today (else re-record it), and loading one is what the plugin's fixtures
rely on, also over a database that already holds other data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import load_policy
from graph_service.clock import FixedClock
from graph_service.demo import DEMO_INSTANT
from graph_service.seeding.bulk import count_graph
from graph_service.seeding.csv_import import import_directory
from graph_service.seeding.demo import load_demo_district, replay_staff_story
from graph_service.seeding.story_snapshot import (
    SNAPSHOT_DIR,
    Snapshot,
    record_snapshot,
    story_key,
)
from graph_service.services.access_status import get_access_status
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings
from seeds.generator import DISTRICT_ZONE
from seeds.staff import staff_story

SHIPPED = sorted(SNAPSHOT_DIR.glob("*.json"))
RANDOM_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _canonical(snapshot: Snapshot) -> tuple[list[str], list[str]]:
    """Nodes and edges as sorted text, with the services' random ids (uuid4) blanked, also
    inside text (an access state keeps the facts, grant ids included, as JSON)."""

    def blank(properties: dict[str, Any]) -> str:
        blanked = {
            k: RANDOM_ID.sub("<id>", v) if isinstance(v, str) else v for k, v in properties.items()
        }
        return json.dumps(blanked, sort_keys=True, default=str)

    nodes = [f"{n['labels']} {blank(n['properties'])}" for n in snapshot.nodes]
    edges = [
        f"{nodes[e['start']]} -{e['type']} {blank(e['properties'])}-> {nodes[e['end']]}"
        for e in snapshot.relationships
    ]
    return sorted(nodes), sorted(edges)


def test_a_recording_ships_for_the_demo_the_plugin_loads() -> None:
    story = staff_story(DEMO_INSTANT, _schools(SHIPPED[0]), DISTRICT_ZONE)
    assert any(path.stem == story_key(story, load_policy()) for path in SHIPPED)


def _schools(path: Any) -> list[dict[str, Any]]:
    return Snapshot.from_json(path.read_text()).schools


@pytest.mark.parametrize("path", SHIPPED, ids=[path.stem for path in SHIPPED])
async def test_each_recording_is_what_the_story_writes_today(
    db: AsyncDriver, settings: Settings, path: Any
) -> None:
    shipped = Snapshot.from_json(path.read_text())
    story = staff_story(shipped.anchor, shipped.schools, DISTRICT_ZONE)
    policy = load_policy()
    assert story_key(story, policy) == shipped.key, "the story changed: re-record"
    await replay_staff_story(db, settings.neo4j_database, story, policy=policy)
    replayed = await record_snapshot(
        db, settings.neo4j_database, shipped.key, anchor=shipped.anchor, schools=shipped.schools
    )
    assert _canonical(replayed) == _canonical(shipped), (
        f"the services now write another story: re-record with `python -m "
        f"graph_service.seeding.story_snapshot --anchor {shipped.anchor.isoformat()}`"
    )


async def test_the_demo_loads_over_a_database_holding_other_data(
    db: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    """Another team's data first (a district's export), then the plugin's demo."""
    database = settings.neo4j_database
    (tmp_path / "people.csv").write_text(
        "id,firstName,lastName,birthDate\nP1,Ana,Lee,2012-03-02\nP2,Bo,Lee,1980-01-02\n"
    )
    (tmp_path / "households.csv").write_text("id,name\nH1,Lee\n")
    (tmp_path / "memberships.csv").write_text(
        "personId,householdId,startDate\nP1,H1,2020-01-01\nP2,H1,2020-01-01\n"
    )
    report = await import_directory(db, database, tmp_path)
    assert not report.rejected
    theirs = await count_graph(db, database)
    demo = await load_demo_district(
        db, database, households=30, seed=1, clock=FixedClock(DEMO_INSTANT)
    )
    assert demo.staff_story_applied
    assert demo.counts.nodes["Household"] == theirs.nodes["Household"] + demo.rows["households"]
    assert demo.counts.nodes["Person"] == theirs.nodes["Person"] + demo.rows["people"]
    runtime = Runtime(db, database, load_policy(), FixedClock(DEMO_INSTANT))
    for state, status in (("active", "active"), ("expired", "expired"), ("pending", "pending")):
        found = await get_access_status(runtime, demo.staff_by_state[state])
        assert found.status == status, state
