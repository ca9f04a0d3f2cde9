"""The staff story as a recorded graph: what replaying it through the access services wrote
into an empty database (staff, reference data, events, grants, audit records), shipped as a
JSON file and loaded in one transaction of three statements.

Replaying the story takes hundreds of round trips (about 350 statements, 5-40 s depending on
the machine and how warm the server's plan cache is); loading its recording takes three. A
recording is used only when its key matches the story about to be told: the same steps,
reference data and policy, so what lands is what the engine decided for exactly that story.
`tests/integration/seeding/test_story_snapshot.py` replays each shipped recording's story and
fails when the services would now write something else (then rerun `record`, below).

Record one (into an empty, migrated database only):
    python -m graph_service.seeding.story_snapshot --anchor 2026-09-15T15:00:00+00:00
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.access.policy import Policy
from graph_service.db.cypher import cypher
from graph_service.db.run import fetch_all, read_all
from seeds.district import StaffStory

SNAPSHOT_DIR = Path(__file__).with_name("story_snapshots")
REFERENCE_LABELS = ("School", "JobRole", "CentralOfficeTeam")


def story_key(story: StaffStory, policy: Policy) -> str:
    """What the story's outcome depends on: its reference data, its timeline, the policy."""
    parts = [
        story.reference.model_dump_json(),
        *(
            json.dumps([step.at.isoformat(), step.sweep])
            + "".join(event.model_dump_json() for event in step.events)
            for step in story.steps
        ),
        json.dumps(story.by_state, sort_keys=True),
        policy.model_dump_json(),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Snapshot:
    key: str
    anchor: datetime  # the story's anchor and schools, to replay it again (the drift test)
    schools: list[dict[str, Any]]
    nodes: list[dict[str, Any]]  # {"labels": [...], "properties": {...}}
    relationships: list[dict[str, Any]]  # {"type", "start", "end" (node indexes), "properties"}

    def to_json(self) -> str:
        body = {
            "key": self.key, "anchor": self.anchor, "schools": self.schools, "nodes": self.nodes,
            "relationships": self.relationships,
        }  # fmt: skip
        return json.dumps(body, default=_encode, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        body = json.loads(text, object_hook=_decode)
        return cls(
            body["key"], body["anchor"], body["schools"], body["nodes"], body["relationships"]
        )


def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    raise TypeError(f"a story snapshot can't hold {type(value).__name__}")


def _decode(item: dict[str, Any]) -> object:
    if item.keys() == {"$datetime"}:
        return datetime.fromisoformat(item["$datetime"])
    if item.keys() == {"$date"}:
        return date.fromisoformat(item["$date"])
    return item


def find_snapshot(story: StaffStory, policy: Policy) -> Snapshot | None:
    """The shipped recording of exactly this story under this policy, if there is one."""
    path = SNAPSHOT_DIR / f"{story_key(story, policy)}.json"
    return Snapshot.from_json(path.read_text()) if path.exists() else None


async def load_snapshot(driver: AsyncDriver, database: str, snapshot: Snapshot) -> None:
    """Write the recording in one transaction (call only when the story's staff are absent)."""
    reference, created = [], []
    for index, node in enumerate(snapshot.nodes):
        row = {"index": index, "properties": node["properties"]}
        if len(node["labels"]) == 1 and node["labels"][0] in REFERENCE_LABELS:
            reference.append(row | {"label": node["labels"][0]})
        else:
            created.append(row | {"labels": node["labels"]})

    async def work(tx: AsyncManagedTransaction) -> None:
        elements: dict[int, str] = {}
        for statement, rows in (
            (cypher("seed/story_merge_reference"), reference),
            (cypher("seed/story_create_nodes"), created),
        ):
            for row in await fetch_all(tx, statement, rows=rows):
                elements[row["index"]] = row["element"]
        edges = [
            {"type": r["type"], "properties": r["properties"],
             "start": elements[r["start"]], "end": elements[r["end"]]}
            for r in snapshot.relationships
        ]  # fmt: skip
        await fetch_all(tx, cypher("seed/story_create_relationships"), rows=edges)

    async with driver.session(database=database) as session:
        await session.execute_write(work)


async def record_snapshot(
    driver: AsyncDriver, database: str, key: str, *, anchor: datetime, schools: list[dict[str, Any]]
) -> Snapshot:
    """Read back what the story wrote into an otherwise empty database."""
    nodes = await read_all(driver, cypher("seed/story_export_nodes"), database=database)
    nodes.sort(key=lambda n: (n["labels"], json.dumps(n["properties"], default=_encode)))
    index = {node["element"]: i for i, node in enumerate(nodes)}
    edges = await read_all(
        driver, cypher("seed/story_export_relationships"), database=database, elements=list(index)
    )
    relationships = sorted(
        (
            {
                "type": e["type"],
                "start": index[e["start"]],
                "end": index[e["end"]],
                "properties": e["properties"],
            }
            for e in edges
        ),
        key=lambda e: (e["start"], e["end"], e["type"]),
    )
    return Snapshot(
        key,
        anchor,
        schools,
        [{"labels": n["labels"], "properties": n["properties"]} for n in nodes],
        relationships,
    )


def main() -> None:  # pragma: no cover - a maintainer's tool, run by hand
    from graph_service.access.settings import AccessSettings
    from graph_service.db.driver import create_driver
    from graph_service.db.migrations import migrate
    from graph_service.seeding.demo import replay_staff_story
    from graph_service.settings import Settings
    from seeds.generator import DISTRICT_ZONE, school_rows, schools_for
    from seeds.staff import staff_story

    parser = argparse.ArgumentParser(description="Record the demo staff story's graph.")
    parser.add_argument("--anchor", type=datetime.fromisoformat, required=True)
    parser.add_argument("--households", type=int, default=60, help="sets the schools")
    args = parser.parse_args()
    schools = [
        {"id": r["id"], "name": r["name"]} for r in school_rows(schools_for(args.households))
    ]
    story = staff_story(args.anchor, schools, DISTRICT_ZONE)
    policy = AccessSettings().policy()
    settings = Settings()

    async def run() -> Path:
        async with create_driver(settings) as driver:
            await migrate(driver, database=settings.neo4j_database)
            held = await read_all(
                driver, cypher("seed/story_export_nodes"), database=settings.neo4j_database
            )
            if held:
                raise SystemExit("record into an empty database: this one holds data")
            await replay_staff_story(driver, settings.neo4j_database, story, policy=policy)
            key = story_key(story, policy)
            snapshot = await record_snapshot(
                driver, settings.neo4j_database, key, anchor=args.anchor, schools=schools
            )
        path = SNAPSHOT_DIR / f"{key}.json"
        SNAPSHOT_DIR.mkdir(exist_ok=True)
        path.write_text(snapshot.to_json())
        return path

    print(asyncio.run(run()))


if __name__ == "__main__":
    main()
