from __future__ import annotations

from pathlib import Path

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
