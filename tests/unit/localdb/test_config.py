from __future__ import annotations

from pathlib import Path

import pytest

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
