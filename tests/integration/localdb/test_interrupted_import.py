"""A bulk import cut short leaves a database that starts, empty, rather than one Neo4j keeps
unavailable ("Transaction logs are missing and recovery is not possible"): the importer
killed under this process, and this process killed with it (the machine going down).

Each test runs a real `neo4j-admin database import full` into a server home of its own and
kills the importer once its node stage has begun writing the store."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph_service.access.settings import AccessSettings
from graph_service.db.cypher import cypher
from graph_service.demo import DEMO_INSTANT
from graph_service.localdb import LocalNeo4j, LocalNeo4jError
from graph_service.seeding.initial_load import bulk_load_demo_district
from graph_service.settings import Settings
from graph_service.testing.service import free_port

pytestmark = [
    pytest.mark.localdb,
    pytest.mark.skipif(shutil.which("java") is None, reason="needs Java 17"),
]
PASSWORD = "import-test-password"
NODE_STAGE = "(1/4) Node import"  # the importer's line as it starts writing nodes
# Enough that the import still runs, seconds later, when a poll of its log sees the line.
PEOPLE = 1_000_000


def _server(home: Path, port: int) -> LocalNeo4j:
    return LocalNeo4j(
        home=home, port=port, password=PASSWORD, jar_cache_dir=Settings().jar_cache_dir,
        heap="384m", pagecache="64m", quick_start=True,
    )  # fmt: skip


def _files(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "people.header.csv").write_text(":ID,id:string,lastName:string\n")
    with (folder / "people.csv").open("w") as rows:
        rows.writelines(f"{n},person-{n},Name{n % 977}\n" for n in range(PEOPLE))
    (folder / "knows.header.csv").write_text(":START_ID,:END_ID\n")
    with (folder / "knows.csv").open("w") as rows:
        rows.writelines(f"{n},{(n * 7919) % PEOPLE}\n" for n in range(PEOPLE))
    return [
        "--id-type=actual",
        f"--nodes=Person={folder / 'people.header.csv'},{folder / 'people.csv'}",
        f"--relationships=KNOWS={folder / 'knows.header.csv'},{folder / 'knows.csv'}",
    ]


def _nodes(local: LocalNeo4j) -> int:
    with GraphDatabase.driver(local.bolt_uri, auth=("neo4j", PASSWORD)) as driver:
        records, _, _ = driver.execute_query(cypher("testing/count_all_nodes"))
        count: int = records[0]["count"]
        return count


def _importer_pid(local: LocalNeo4j) -> int:
    return int(local.layout.import_marker("neo4j").read_text())


def _command_line(pid: int) -> bytes:
    """What /proc says `pid` runs (empty once it has exited, a zombie, or before its exec
    has set its arguments up: a vfork-ed child's parent may read it that early)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return b""


def _wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


class Interrupted(Exception):
    """What a Ctrl-C would raise in the loop that reads the importer's output."""


def test_an_import_interrupted_in_this_process_stops_the_importer_and_removes_its_store(
    tmp_path: Path,
) -> None:
    local = _server(tmp_path / "home", free_port())
    options = _files(tmp_path / "files")
    importer: list[int] = []

    def interrupt_at_the_node_stage(line: str) -> None:
        if line.startswith(NODE_STAGE):
            importer.append(_importer_pid(local))
            raise Interrupted

    with pytest.raises(Interrupted):
        local.import_full("neo4j", options, heap="256m", off_heap="256m",
                          on_line=interrupt_at_the_node_stage)  # fmt: skip
    assert b"AdminTool" not in _command_line(importer[0]), "the importer goes on"
    assert not any(folder.exists() for folder in local.layout.store_of("neo4j"))
    assert not local.layout.import_marker("neo4j").exists()


async def test_a_bulk_seed_whose_importer_dies_leaves_the_server_up_and_empty(
    tmp_path: Path,
) -> None:
    settings = Settings(
        neo4j_uri=None, neo4j_password=PASSWORD, local_neo4j_home=tmp_path / "home",
        local_neo4j_port=free_port(), local_neo4j_heap="384m", local_neo4j_pagecache="64m",
    )  # fmt: skip
    local = LocalNeo4j.from_settings(settings)
    local.quick_start = True
    local.start()

    def kill_the_importer_at_its_node_stage(line: str) -> None:
        if line.startswith(NODE_STAGE):
            os.kill(_importer_pid(local), signal.SIGKILL)

    try:
        with pytest.raises(LocalNeo4jError, match="partial store was removed") as failed:
            await bulk_load_demo_district(
                local, settings, households=300, seed=1, anchor=DEMO_INSTANT,
                policy=AccessSettings().policy(), heap="256m", off_heap="256m",
                on_import_line=kill_the_importer_at_its_node_stage,
            )  # fmt: skip
        assert "exit -9" in str(failed.value)
        assert local.status().running, "the server is started again, as it was"
        assert _nodes(local) == 0
        assert not local.layout.import_marker("neo4j").exists()
        assert not (local.layout.home / "import" / "bulk-seed-1").exists(), "the CSV files"
    finally:
        local.stop()


IMPORT_IN_A_CHILD = """
import sys
from pathlib import Path
from graph_service.localdb import LocalNeo4j
home, port, password, jars, *options = sys.argv[1:]
local = LocalNeo4j(home=Path(home), port=int(port), password=password,
                   jar_cache_dir=Path(jars), heap="384m", pagecache="64m")
local.import_full("neo4j", options, heap="256m", off_heap="256m")
"""


def test_a_start_after_this_process_was_killed_mid_import_empties_the_database(
    tmp_path: Path,
) -> None:
    local = _server(tmp_path / "home", free_port())
    options = _files(tmp_path / "files")
    child = subprocess.Popen(  # this interpreter, our own script
        [sys.executable, "-c", IMPORT_IN_A_CHILD, str(local.layout.home), str(local.port),
         PASSWORD, str(local.jar_cache_dir), *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    log = local.layout.logs_dir / "import.log"
    deadline = time.monotonic() + 120
    while not (log.exists() and NODE_STAGE in log.read_text()):
        assert child.poll() is None, "the import ended before its node stage was seen"
        assert time.monotonic() < deadline, "the importer never reached its node stage"
        time.sleep(0.02)
    # The caller first, so it cannot clean up after the importer: as if the machine went down.
    child.kill()
    child.wait()
    importer = _importer_pid(local)
    os.kill(importer, signal.SIGKILL)
    _wait_until(lambda: b"AdminTool" not in _command_line(importer), "the importer never died")
    store, _ = local.layout.store_of("neo4j")
    assert store.exists(), "the importer had begun writing the store"

    try:
        status = local.start()
        assert "a bulk import into 'neo4j' had been cut short" in status.note
        assert "started empty" in status.describe()
        assert _nodes(local) == 0
        assert not local.layout.import_marker("neo4j").exists()
    finally:
        local.stop()


def test_a_start_waits_for_an_import_that_still_runs(tmp_path: Path) -> None:
    """A marker naming a live importer: the start refuses rather than open its store."""
    local = _server(tmp_path / "home", free_port())
    local.layout.make_dirs()
    importer = subprocess.Popen(  # a stand-in with the importer's command line
        [sys.executable, "-c", "import time; time.sleep(60)", "org.neo4j.cli.AdminTool", "import"]
    )
    try:
        _wait_until(lambda: b"AdminTool" in _command_line(importer.pid), "no stand-in importer")
        local.layout.import_marker("neo4j").write_text(str(importer.pid))
        with pytest.raises(LocalNeo4jError, match="still running"):
            local.start()
        assert not local.status().running
        assert local.layout.import_marker("neo4j").exists()
    finally:
        importer.kill()
        importer.wait()
        local.stop()  # were it started anyway (the test failing), it would outlive the run
