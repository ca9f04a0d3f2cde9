"""Another team's project: a fresh virtualenv that installs our wheel and writes tests with
nothing but the plugin's fixtures. They must pass against a real Neo4j.

Installing the wheel's dependencies from the index took most of the test (a minute or more
on a loaded machine), so they are installed once into a folder of the machine's cache, keyed
by the wheel's declared requirements, the Python and the week (a changed requirement, or a
week gone by, installs afresh). Each run makes a new virtualenv that sees only that folder
beside its own site-packages, and installs the wheel there with pip resolving `[test]`
against what is present: a requirement the folder does not satisfy is still fetched, so
what their tests import is what the wheel declares. The wheel is built by the build backend
pyproject.toml names (its PEP 517 hook, as `pip wheel` calls it), installed once the same
way, instead of into a new isolated environment fetched from the index on every run."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import time
import tomllib
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from neo4j import AsyncDriver

from graph_service.settings import default_cache_dir
from graph_service.testing.database import TestDatabase

ROOT = Path(__file__).resolve().parents[3]
DEPENDENCY_CACHE = default_cache_dir() / "throwaway-dependencies"
KEEP_OLD_FOLDERS_DAYS = 8  # then unused by any run: the key changes every week

THEIR_TEST = textwrap.dedent(
    """
    import httpx


    def ask(url, token, query):
        response = httpx.post(
            url + "/graphql",
            json={"query": query},
            headers={"authorization": "Bearer " + token},
            timeout=30,
        )
        body = response.json()
        assert "errors" not in body, body
        return body["data"]


    def test_an_active_clerk_sees_households(household_graph_url, household_graph_token):
        token = household_graph_token("active")
        assert ask(household_graph_url, token, "{ myAccess { status } }") == {
            "myAccess": {"status": "active"}
        }
        found = ask(
            household_graph_url, token,
            '{ households(by: {namePrefix: "a"}, first: 5) { nodes { name } } }',
        )
        assert "households" in found


    def test_an_expired_clerk_is_refused(household_graph_url, household_graph_token):
        response = httpx.post(
            household_graph_url + "/graphql",
            json={"query": '{ households(by: {namePrefix: "a"}) { nodes { name } } }'},
            headers={"authorization": "Bearer " + household_graph_token("expired")},
        )
        assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


    def test_the_district_is_loaded(household_graph_district):
        assert household_graph_district.counts.total_nodes > 0
        assert "active" in household_graph_district.staff_by_state
    """
)


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


def _requirements(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        lines = archive.read(metadata).decode().splitlines()
    return "\n".join(sorted(line for line in lines if line.startswith("Requires-Dist:")))


def _site_packages(venv: Path) -> Path:
    return Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))


def _week() -> str:
    year, week, _ = date.today().isocalendar()
    return f"{year}-{week}"


def _cached(key: str, make: Callable[[Path], None]) -> Path:
    """DEPENDENCY_CACHE/key, made by `make` into a fresh folder the first time (renamed into
    place whole, so a concurrent run never sees it half made); folders of earlier weeks go."""
    folder = DEPENDENCY_CACHE / key
    if not folder.exists():
        DEPENDENCY_CACHE.mkdir(parents=True, exist_ok=True)
        building = DEPENDENCY_CACHE / f"{key}.{os.getpid()}.partial"
        shutil.rmtree(building, ignore_errors=True)
        make(building)
        with contextlib.suppress(OSError):  # another run made it meanwhile: theirs is as good
            building.rename(folder)
        shutil.rmtree(building, ignore_errors=True)
    too_old = time.time() - KEEP_OLD_FOLDERS_DAYS * 86400
    for old in DEPENDENCY_CACHE.iterdir():
        if old != folder and old.stat().st_mtime < too_old:
            shutil.rmtree(old, ignore_errors=True)
    return folder


def _build_wheel(into: Path) -> Path:
    """Our wheel, built by pyproject.toml's build backend (installed once per week)."""
    build_system = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]
    requires: list[str] = build_system["requires"]

    def install_backend(folder: Path) -> None:
        installed = _run(
            [sys.executable, "-m", "pip", "install", "-q", "--target", str(folder), *requires]
        )
        assert installed.returncode == 0, installed.stderr[-2000:]

    key = hashlib.sha256(f"{requires}\n{sys.version}\n{_week()}".encode()).hexdigest()[:16]
    backend = _cached(f"build-{key}", install_backend)
    hook = f"import {build_system['build-backend']} as b, sys; b.build_wheel(sys.argv[1])"
    built = _run(
        [sys.executable, "-c", hook, str(into)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(backend)},
    )
    assert built.returncode == 0, built.stderr[-2000:]
    return next(into.glob("graph_service-*.whl"))


def _dependencies(wheel: Path) -> Path:
    """The site-packages of a virtualenv holding the wheel's dependencies (`[test]` included)
    and not the wheel: made once per requirements, Python and week."""

    def install_dependencies(folder: Path) -> None:
        assert _run([sys.executable, "-m", "venv", str(folder)]).returncode == 0
        python = str(folder / "bin" / "python")
        installed = _run([python, "-m", "pip", "install", "-q", f"{wheel}[test]"])
        assert installed.returncode == 0, installed.stderr[-2000:]
        removed = _run([python, "-m", "pip", "uninstall", "-q", "-y", "graph-service"])
        assert removed.returncode == 0, removed.stderr[-2000:]

    requirements = f"{_requirements(wheel)}\n{sys.version}\n{sys.platform}\n{_week()}"
    key = hashlib.sha256(requirements.encode()).hexdigest()[:16]
    # Its site-packages as the venv that made it named it (the folder was renamed since).
    return _site_packages(_cached(f"dependencies-{key}", install_dependencies))


def test_a_throwaway_project_uses_only_the_plugin(
    tmp_path: Path, test_database: TestDatabase, db: AsyncDriver
) -> None:
    # `db` leaves the database empty, as a team's fresh test database would be.
    wheel = _build_wheel(tmp_path / "wheels")

    venv = tmp_path / "their-venv"
    assert _run([sys.executable, "-m", "venv", "--without-pip", str(venv)]).returncode == 0
    # The cached dependencies (pip among them) on the new venv's path, after its own folder.
    (_site_packages(venv) / "dependencies.pth").write_text(f"{_dependencies(wheel)}\n")
    python = venv / "bin" / "python"
    installed = _run([str(python), "-m", "pip", "install", "-q", f"{wheel}[test]"])
    assert installed.returncode == 0, installed.stderr[-2000:]
    assert (_site_packages(venv) / "graph_service").is_dir(), "the wheel goes into their venv"

    project = tmp_path / "their-project"
    (project / "tests").mkdir(parents=True)
    (project / "tests" / "test_with_household_graph.py").write_text(THEIR_TEST)
    env = {
        **os.environ,
        "NEO4J_URI": test_database.uri,
        "NEO4J_USER": test_database.user,
        "NEO4J_PASSWORD": test_database.password,
        "NEO4J_DATABASE": test_database.database,
    }
    env.pop("PYTEST_ADDOPTS", None)
    result = _run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout
