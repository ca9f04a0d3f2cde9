from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.localdb import LocalNeo4j
from graph_service.localdb.config import ServerLayout, render_conf


def test_conf_listens_on_loopback_only_with_http_off(tmp_path: Path) -> None:
    conf = render_conf(ServerLayout(tmp_path), port=7711, heap="512m", pagecache="128m")
    settings = dict(line.split("=", 1) for line in conf.splitlines() if "=" in line)
    assert settings["server.default_listen_address"] == "127.0.0.1"
    assert settings["server.bolt.listen_address"] == "127.0.0.1:7711"
    assert settings["server.http.enabled"] == "false"
    assert settings["server.https.enabled"] == "false"
    assert settings["server.memory.heap.max_size"] == "512m"
    assert settings["server.directories.data"] == str(tmp_path / "data")


def test_store_paths_take_only_user_database_names(tmp_path: Path) -> None:
    """The bulk path removes a database's store by name: a name can never reach outside the
    data folder, nor name the system database (the password, the list of databases)."""
    layout = ServerLayout(tmp_path)
    assert layout.store_of("neo4j") == (
        tmp_path / "data" / "databases" / "neo4j",
        tmp_path / "data" / "transactions" / "neo4j",
    )
    assert (
        layout.import_marker("district-2.test") == tmp_path / "data" / "importing-district-2.test"
    )
    for name in ("system", "SYSTEM", "../neo4j", "a/b", "", "x", "neo4j/../system"):
        with pytest.raises(ValueError, match="not a user database name"):
            layout.store_of(name)
        with pytest.raises(ValueError, match="not a user database name"):
            layout.import_marker(name)


def test_a_reset_removes_the_data_folder_whole_and_what_an_earlier_one_left(
    tmp_path: Path,
) -> None:
    """A stopped server's reset: the data folder goes (renamed away first, so a reset cut
    short never leaves half a system database), and so does the folder a reset killed
    between its rename and its removal left behind."""
    local = LocalNeo4j(home=tmp_path, port=7999, password="x", jar_cache_dir=tmp_path / "jars")
    (local.layout.data_dir / "databases" / "system").mkdir(parents=True)
    (local.layout.data_dir / "dbms" / "auth.ini").parent.mkdir(parents=True)
    (local.layout.data_dir / "dbms" / "auth.ini").write_text("neo4j:...")
    (tmp_path / "data.removing" / "databases").mkdir(parents=True)

    assert not local.reset().running
    assert not local.layout.data_dir.exists()
    assert not (tmp_path / "data.removing").exists()
