"""A prebuilt store for the pytest plugin: the demo district (60 households, seed 1, the demo
instant), migrated, as the data folder of a cleanly stopped managed server. Unpacked into a
managed test server's home before its first start, it saves that start creating two
databases, the password tool's JVM, the migrations and the load: a fresh session is ready
after one server start (docs/loading.md has the figures).

It is used only when it is exactly what loading would write: its manifest holds a
fingerprint of the district's rows, the statements that write them and the staff story's
recording under the policy in force; anything else (another size, seed or policy, edited
seed statements) loads the usual way. Migrations added since the build are applied on top as
on any database. `tests/unit/testing/test_prebuilt_demo.py` fails when the archive is stale;
rebuild it with

    python -m graph_service.testing.prebuilt_demo
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import socket
import tarfile
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from neo4j import AsyncDriver

from graph_service.access.policy import Policy
from graph_service.access.settings import AccessSettings
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher, statement_names
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.demo import DEMO_INSTANT
from graph_service.localdb import LocalNeo4j
from graph_service.localdb.config import ServerLayout
from graph_service.localdb.jars import neo4j_version
from graph_service.seeding.bulk import count_graph
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.seeding.initial_load import story_of
from graph_service.seeding.story_snapshot import story_key
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings
from graph_service.testing.database import TestDatabase
from seeds.generator import generate_district
from seeds.planted import PLANTED_HOUSEHOLDS

ARCHIVE = Path(__file__).with_name("prebuilt") / "demo-district.tar.gz"
MANIFEST = ARCHIVE.with_name("demo-district.json")
HOUSEHOLDS = 60
SEED = 1
_WRITERS = ("seed/", "staff/")  # the statements a demo load writes through
_FOLDERS = ("databases", "transactions", "dbms")  # of the data folder; dbms holds the password
_TRIM = 64 * 1024


@dataclass(frozen=True)
class Demo:
    households: int
    seed: int
    anchor: datetime


def fingerprint(demo: Demo, policy: Policy) -> str:
    """What the loaded graph depends on: rows, writing statements, story, Neo4j's minor."""
    district = generate_district(households=demo.households, seed=demo.seed, anchor=demo.anchor)
    digest = hashlib.sha256()
    for kind in ("schools", *district.row_counts()):
        digest.update(json.dumps(getattr(district, kind), default=str, sort_keys=True).encode())
    for name in statement_names():
        if name.startswith(_WRITERS):
            digest.update(f"{name}\n{cypher(name)}".encode())
    digest.update(story_key(story_of(seed=demo.seed, anchor=demo.anchor), policy).encode())
    digest.update(".".join(neo4j_version().split(".")[:2]).encode())
    return digest.hexdigest()[:24]


def shipped_fingerprint() -> str | None:
    if not (ARCHIVE.exists() and MANIFEST.exists()):
        return None
    return str(json.loads(MANIFEST.read_text())["fingerprint"])


def install(layout: ServerLayout, demo: Demo, policy: Policy) -> bool:
    """Unpack the store into a home whose data folder holds no database yet, when it is the
    district asked for. True if it did."""
    if (layout.data_dir / "databases").exists():
        return False
    if demo != Demo(HOUSEHOLDS, SEED, DEMO_INSTANT):
        return False
    shipped = shipped_fingerprint()
    if shipped is None or shipped != fingerprint(demo, policy):
        return False
    # Unpacked beside the data folder, then renamed into place in one step: a session killed
    # while it unpacks leaves no half store that the next one would take for a whole one (it
    # checks only that `databases` is there) and Neo4j would not open. The data folder holds
    # no database (above); what else it holds, the archive's own folders replace.
    unpacking = layout.home / "data.unpacking"
    shutil.rmtree(unpacking, ignore_errors=True)
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(unpacking, filter="data")
    shutil.rmtree(layout.data_dir, ignore_errors=True)
    unpacking.rename(layout.data_dir)
    return True


def _trim_preallocated(folder: Path) -> None:
    """Transaction and checkpoint logs are preallocated (256 MiB of zeros): keep what holds
    data, as a server without preallocation would have written it."""
    for path in folder.rglob("*"):
        if path.is_file():
            used = len(path.read_bytes().rstrip(b"\0"))
            os.truncate(path, min(path.stat().st_size, -(-used // _TRIM) * _TRIM))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build() -> str:
    """Load the demo into a fresh scratch server, stop it and pack its data folder."""
    demo = Demo(HOUSEHOLDS, SEED, DEMO_INSTANT)
    policy = AccessSettings().policy()
    with tempfile.TemporaryDirectory(prefix="prebuilt-demo-") as scratch:
        server = LocalNeo4j(
            home=Path(scratch) / "home", port=_free_port(), password=DEV_NEO4J_PASSWORD,
            jar_cache_dir=Settings().jar_cache_dir,
        )  # fmt: skip
        server.start()
        try:
            database = TestDatabase(server.bolt_uri, "neo4j", DEV_NEO4J_PASSWORD, "neo4j", "local")

            async def load() -> None:
                async with create_driver(database.settings()) as driver:
                    await migrate(driver, database="neo4j")
                    await load_demo_district(
                        driver, "neo4j", households=demo.households, seed=demo.seed,
                        clock=FixedClock(demo.anchor), policy=policy,
                    )  # fmt: skip

            asyncio.run(load())
        finally:
            server.stop()
        data = server.layout.data_dir
        _trim_preallocated(data / "transactions")
        ARCHIVE.parent.mkdir(exist_ok=True)
        with tarfile.open(ARCHIVE, "w:gz") as archive:
            for name in _FOLDERS:
                archive.add(data / name, arcname=name)
    key = fingerprint(demo, policy)
    manifest = {"fingerprint": key, "households": demo.households, "seed": demo.seed,
                "anchor": demo.anchor.isoformat(), "neo4j": neo4j_version()}  # fmt: skip
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n")
    return key


async def preloaded_summary(driver: AsyncDriver, database: str, demo: Demo) -> DemoSummary:
    """The summary `load_demo_district` would give for the district `install` unpacked."""
    started = time.perf_counter()
    district = generate_district(households=demo.households, seed=demo.seed, anchor=demo.anchor)
    assert district.staff is not None
    rows = district.row_counts()
    return DemoSummary(
        households=rows["households"] - PLANTED_HOUSEHOLDS,
        seed=demo.seed,
        anchor=demo.anchor,
        staff_by_state=dict(district.staff.by_state),
        planted=district.planted,
        rows=rows,
        kind_seconds={},
        counts=await count_graph(driver, database),
        staff_story_applied=True,
        seconds=time.perf_counter() - started,
        school_ids=[school["id"] for school in district.schools],
    )


if __name__ == "__main__":
    print(f"wrote {ARCHIVE} ({build()})")
