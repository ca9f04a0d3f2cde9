"""The plugin's prebuilt demo store: unpacked into a fresh managed server and migrated, it
holds exactly what loading the demo district writes, and the plugin's summary of it is the
load's. One server start of its own (quick-start JVM settings, as the plugin uses)."""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.access.settings import AccessSettings
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.db.run import native
from graph_service.demo import DEMO_INSTANT
from graph_service.localdb import LocalNeo4j
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings
from graph_service.testing.database import TestDatabase
from graph_service.testing.prebuilt_demo import HOUSEHOLDS, SEED, Demo, install, preloaded_summary

pytestmark = [
    pytest.mark.localdb,
    pytest.mark.skipif(shutil.which("java") is None, reason="needs Java 17"),
]
DEMO = Demo(HOUSEHOLDS, SEED, DEMO_INSTANT)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _content(driver: AsyncDriver, database: str) -> list[str]:
    records, _, _ = await driver.execute_query(cypher("testing/graph_snapshot"), database_=database)
    snapshot: dict[str, Any] = native(records[0].data())
    items = [*snapshot["nodes"], *snapshot["edges"]]
    return sorted(json.dumps(item, sort_keys=True, default=repr) for item in items)


@pytest.fixture(scope="module")
def prebuilt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(
        home=tmp_path_factory.mktemp("prebuilt-neo4j"), port=_free_port(),
        password=DEV_NEO4J_PASSWORD, jar_cache_dir=Settings().jar_cache_dir,
        heap="384m", pagecache="64m", quick_start=True,
    )  # fmt: skip
    assert install(server.layout, DEMO, AccessSettings().policy())
    assert not install(server.layout, DEMO, AccessSettings().policy())  # a store is there now
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
async def prebuilt(prebuilt_server: LocalNeo4j) -> tuple[DemoSummary, list[str]]:
    database = TestDatabase(prebuilt_server.bolt_uri, "neo4j", DEV_NEO4J_PASSWORD, "neo4j", "local")
    async with create_driver(database.settings()) as driver:
        await migrate(driver, database="neo4j")
        summary = await preloaded_summary(driver, "neo4j", DEMO)
        return summary, await _content(driver, "neo4j")


async def test_the_prebuilt_store_holds_what_loading_the_demo_writes(
    prebuilt: tuple[DemoSummary, list[str]], db: AsyncDriver, settings: Settings
) -> None:
    summary, content = prebuilt
    loaded = await load_demo_district(
        db, settings.neo4j_database, households=HOUSEHOLDS, seed=SEED,
        clock=FixedClock(DEMO_INSTANT),
    )  # fmt: skip
    assert summary.counts == loaded.counts
    assert summary.rows == loaded.rows
    assert summary.staff_by_state == loaded.staff_by_state
    assert summary.school_ids == loaded.school_ids
    assert summary.households == loaded.households
    assert content == await _content(db, settings.neo4j_database)


def test_only_the_prebuilt_district_is_unpacked(tmp_path: Any) -> None:
    other = Demo(HOUSEHOLDS + 10, SEED, DEMO_INSTANT)
    server = LocalNeo4j(
        home=tmp_path, port=_free_port(), password=DEV_NEO4J_PASSWORD,
        jar_cache_dir=Settings().jar_cache_dir,
    )  # fmt: skip
    assert not install(server.layout, other, AccessSettings().policy())
    assert not (server.layout.data_dir / "databases").exists()
