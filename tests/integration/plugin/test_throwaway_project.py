"""Another team's project: a fresh virtualenv that installs our wheel and writes tests with
nothing but the plugin's fixtures. They must pass against a real Neo4j."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from neo4j import AsyncDriver

from graph_service.testing.database import TestDatabase

ROOT = Path(__file__).resolve().parents[3]

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


def test_a_throwaway_project_uses_only_the_plugin(
    tmp_path: Path, test_database: TestDatabase, db: AsyncDriver
) -> None:
    # `db` leaves the database empty, as a team's fresh test database would be.
    wheels = tmp_path / "wheels"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)]
    )
    assert built.returncode == 0, built.stderr
    wheel = next(wheels.glob("graph_service-*.whl"))

    venv = tmp_path / "their-venv"
    assert _run([sys.executable, "-m", "venv", str(venv)]).returncode == 0
    python = venv / "bin" / "python"
    installed = _run([str(python), "-m", "pip", "install", "-q", f"{wheel}[test]"])
    assert installed.returncode == 0, installed.stderr[-2000:]

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
        [str(venv / "bin" / "pytest"), "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout
