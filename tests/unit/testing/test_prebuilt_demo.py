from __future__ import annotations

import tarfile
from pathlib import Path

from graph_service.access.settings import AccessSettings
from graph_service.demo import DEMO_INSTANT
from graph_service.localdb.config import ServerLayout
from graph_service.testing.prebuilt_demo import (
    ARCHIVE,
    HOUSEHOLDS,
    SEED,
    Demo,
    fingerprint,
    install,
    shipped_fingerprint,
)


def test_the_shipped_demo_store_is_what_loading_the_demo_writes_now() -> None:
    # Stale, the plugin silently loads the slow way: rebuild it (about a minute).
    current = fingerprint(Demo(HOUSEHOLDS, SEED, DEMO_INSTANT), AccessSettings().policy())
    assert shipped_fingerprint() == current, (
        "the district, its seed statements or its staff story changed since "
        "graph_service/testing/prebuilt/ was built: run "
        "`python -m graph_service.testing.prebuilt_demo` and commit what it writes"
    )


def test_another_district_changes_the_fingerprint() -> None:
    policy = AccessSettings().policy()
    assert fingerprint(Demo(HOUSEHOLDS, SEED, DEMO_INSTANT), policy) != fingerprint(
        Demo(HOUSEHOLDS, SEED + 1, DEMO_INSTANT), policy
    )


def _files_under(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


def test_an_unpack_cut_short_is_done_again_whole(tmp_path: Path) -> None:
    """What a session killed while unpacking leaves (the archive's folders half there, no
    `databases`, its scratch folder) is unpacked again, whole, by the next session."""
    layout = ServerLayout(tmp_path)
    (layout.data_dir / "transactions" / "neo4j").mkdir(parents=True)
    (layout.data_dir / "transactions" / "neo4j" / "neostore.transaction.db.0").write_bytes(b"x")
    (tmp_path / "data.unpacking" / "dbms").mkdir(parents=True)
    demo = Demo(HOUSEHOLDS, SEED, DEMO_INSTANT)

    assert install(layout, demo, AccessSettings().policy())

    with tarfile.open(ARCHIVE) as archive:
        packed = {member.name for member in archive.getmembers() if member.isfile()}
    assert _files_under(layout.data_dir) == packed
    assert (
        layout.data_dir / "transactions" / "neo4j" / "neostore.transaction.db.0"
    ).read_bytes() != b"x"
    assert not (tmp_path / "data.unpacking").exists()
    assert not install(layout, demo, AccessSettings().policy())  # a store is there now
