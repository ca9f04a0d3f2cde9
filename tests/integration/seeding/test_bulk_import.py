"""The bulk path (generator -> CSV -> neo4j-admin database import -> migrations -> staff
story) writes exactly the graph the batched path writes for the same district, and a
batched top-up merges onto it. It needs a server of its own: the import replaces the store
with the server stopped. The fresh home is imported into before its first start, so the
module costs one server start."""

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
from graph_service.db.run import native
from graph_service.demo import DEMO_INSTANT
from graph_service.localdb import LocalNeo4j
from graph_service.localdb.server import IMPORT_PAGECACHE
from graph_service.seeding.bulk import count_graph
from graph_service.seeding.cli import choose_path
from graph_service.seeding.demo import load_demo_district
from graph_service.seeding.initial_load import BulkSummary, bulk_load_demo_district
from graph_service.settings import Settings
from seeds.generator import generate_district

pytestmark = [
    pytest.mark.localdb,
    pytest.mark.skipif(shutil.which("java") is None, reason="needs Java 17"),
]
HOUSEHOLDS, TOP_UP, SEED = 200, 250, 1
CHUNK = 40  # several chunks: node ids interleave across the files as at a million households


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalNeo4j, Settings]]:
    settings = Settings(
        neo4j_uri=None, neo4j_password="bulk-test-password",
        local_neo4j_home=tmp_path_factory.mktemp("bulk-neo4j"), local_neo4j_port=_free_port(),
        local_neo4j_heap="384m", local_neo4j_pagecache="64m",
    )  # fmt: skip
    local = LocalNeo4j.from_settings(settings)
    # The client compiler only (docs/local-neo4j.md: a start at about half the CPU): this
    # server lives for the module.
    local.quick_start = True
    yield local, settings
    local.stop()


async def _content(driver: AsyncDriver, database: str) -> list[str]:
    """Every node and relationship with its labels or type and properties, in a canonical
    form (repr keeps a value's type: a date is not its string, an offset not a zone)."""
    records, _, _ = await driver.execute_query(cypher("testing/graph_snapshot"), database_=database)
    snapshot: dict[str, Any] = native(records[0].data())
    items = [*snapshot["nodes"], *snapshot["edges"]]
    return sorted(json.dumps(item, sort_keys=True, default=repr) for item in items)


@pytest.fixture(scope="module")
async def bulk_loaded(scratch: tuple[LocalNeo4j, Settings]) -> tuple[BulkSummary, list[str]]:
    local, settings = scratch
    summary = await bulk_load_demo_district(
        local, settings, households=HOUSEHOLDS, seed=SEED, anchor=DEMO_INSTANT,
        policy=AccessSettings().policy(), heap="256m", off_heap="256m",
        chunk_households=CHUNK,
    )  # fmt: skip
    async with create_driver(settings) as driver:
        return summary, await _content(driver, settings.neo4j_database)


async def test_the_bulk_path_writes_what_the_batched_path_writes(
    bulk_loaded: tuple[BulkSummary, list[str]], db: AsyncDriver, settings: Settings
) -> None:
    summary, bulk = bulk_loaded
    batched = await load_demo_district(
        db, settings.neo4j_database, households=HOUSEHOLDS, seed=SEED,
        clock=FixedClock(DEMO_INSTANT),
    )  # fmt: skip
    assert summary.counts == batched.counts
    assert summary.rows == batched.rows
    assert summary.staff_story_applied
    written = await _content(db, settings.neo4j_database)
    assert len(bulk) == summary.counts.total_nodes + summary.counts.total_relationships
    assert set(bulk) ^ set(written) == set()
    assert bulk == written


async def test_a_batched_top_up_merges_onto_a_bulk_load(
    bulk_loaded: tuple[BulkSummary, list[str]], scratch: tuple[LocalNeo4j, Settings]
) -> None:
    _, settings = scratch
    larger = generate_district(households=TOP_UP, seed=SEED, anchor=DEMO_INSTANT).row_counts()
    async with create_driver(settings) as driver:
        await load_demo_district(
            driver, settings.neo4j_database, households=TOP_UP, seed=SEED,
            clock=FixedClock(DEMO_INSTANT),
        )  # fmt: skip
        counts = await count_graph(driver, settings.neo4j_database)
        stored = await count_graph(driver, settings.neo4j_database, from_count_store=True)
    assert stored == counts  # the bulk summary's quick counts, after transactional writes too
    assert counts.nodes["Person"] == larger["people"]
    assert counts.nodes["Household"] == larger["households"]
    assert counts.nodes["Address"] == larger["addresses"]
    assert counts.relationships["MEMBER_OF"] == larger["memberships"]
    assert counts.relationships["RELATED_TO"] == larger["relationships"]
    assert counts.relationships["ENROLLED_AT"] == larger["enrolments"]


def test_the_importer_gets_its_own_page_cache_not_the_servers(
    bulk_loaded: tuple[BulkSummary, list[str]], scratch: tuple[LocalNeo4j, Settings]
) -> None:
    """The importer reads neo4j.conf; the server's page cache (8g in the benchmark) slowed
    its linking threefold, so the import ran with an override (and did not fail on it)."""
    local, settings = scratch
    used = (local.layout.conf_dir / "import.conf").read_text()
    assert used == f"server.memory.pagecache.size={IMPORT_PAGECACHE}\n"
    assert settings.local_neo4j_pagecache != IMPORT_PAGECACHE


def test_the_seed_command_takes_the_bulk_path_only_into_an_empty_managed_database(
    bulk_loaded: tuple[BulkSummary, list[str]], scratch: tuple[LocalNeo4j, Settings]
) -> None:
    _, settings = scratch
    policy = AccessSettings().policy()
    path, why = choose_path(
        settings, batched=False, seed_number=SEED, anchor=DEMO_INSTANT, policy=policy
    )
    assert (path, why) == ("batched", "the database already holds data: rows are merged onto it")
    path, why = choose_path(
        settings, batched=False, seed_number=SEED, anchor=DEMO_INSTANT, policy=policy,
        households=60,
    )  # fmt: skip
    assert path == "batched"
    assert "under 2,000 households" in why
    remote = settings.model_copy(update={"neo4j_uri": settings.bolt_uri})
    path, why = choose_path(
        remote, batched=False, seed_number=SEED, anchor=DEMO_INSTANT, policy=policy
    )
    assert path == "batched"
    assert "NEO4J_URI" in why
