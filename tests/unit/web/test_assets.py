"""The browser assets shipped in the package: the pinned files as recorded, each library with
its licence, every file the pages name present, and nothing outside static/ reachable."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from pydantic import SecretStr

from graph_service.settings import Settings
from graph_service.web.assets import STATIC, static_file
from graph_service.web.pages import offers_demo_staff
from graph_service.web.vendor import PACKAGES

PAGES = ("graphiql/index.html", "graphiql/boot.js", "explore/index.html")


def _manifest() -> list[dict[str, object]]:
    entries: list[dict[str, object]] = json.loads((STATIC / "vendor" / "manifest.json").read_text())
    return entries


def test_shipped_libraries_are_the_pinned_files_with_their_licences() -> None:
    entries = {entry["folder"]: entry for entry in _manifest()}
    assert set(entries) == {package.folder for package in PACKAGES}
    for folder, entry in entries.items():
        hashes = entry["sha256"]
        assert isinstance(folder, str)
        assert isinstance(hashes, dict)
        assert "LICENSE" in hashes
        for name, digest in hashes.items():
            content = (STATIC / "vendor" / folder / name).read_bytes()
            assert hashlib.sha256(content).hexdigest() == digest, f"{folder}/{name}"


def test_every_asset_the_pages_name_is_shipped() -> None:
    named = set()
    for page in PAGES:
        named |= set(re.findall(r"/assets/([\w./-]+)", (STATIC / page).read_text()))
    for module in (STATIC / "explore").iterdir():
        if module.name.endswith(".js"):
            text = module.read_text()
            named |= set(re.findall(r"/assets/([\w./-]+\.m?js)", text))
            named |= {"explore/" + m for m in re.findall(r'from "\./([\w.-]+)"', text)}
    assert named
    assert [path for path in sorted(named) if static_file(path) is None] == []


@pytest.mark.parametrize(
    "path", ["", "../pages.py", "explore/../../pages.py", ".hidden", "explore//main.js", "nope.js"]
)
def test_nothing_outside_the_shipped_files_is_reachable(path: str) -> None:
    assert static_file(path) is None


def test_demo_staff_tokens_are_offered_only_with_the_development_secret() -> None:
    assert offers_demo_staff(Settings(env="development"))
    assert not offers_demo_staff(Settings(env="development", jwks_url="https://idp/jwks"))
    production = Settings(
        env="production",
        neo4j_uri="bolt://db:7687",
        neo4j_password=SecretStr("a-real-password"),
        jwks_url="https://idp/jwks",
    )
    assert not offers_demo_staff(production)
