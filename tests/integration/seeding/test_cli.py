"""The `seed` and `import` commands against the real database, as a developer runs them."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import AsyncDriver, GraphDatabase

from graph_service.db.cypher import cypher
from graph_service.seeding.cli import import_csv, seed
from graph_service.settings import Settings


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, settings: Settings, db: AsyncDriver) -> CliRunner:
    monkeypatch.setenv("NEO4J_URI", settings.bolt_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.neo4j_password.get_secret_value())
    monkeypatch.setenv("NEO4J_DATABASE", settings.neo4j_database)
    monkeypatch.delenv("GRAPH_SERVICE_PINNED_CLOCK", raising=False)
    return CliRunner()


def test_seed_loads_and_summarizes_then_a_rerun_keeps_the_staff(cli_env: CliRunner) -> None:
    args = ["--households", "5", "--seed", "2", "--as-of", "2027-06-08T10:00:00-0500"]
    first = cli_env.invoke(seed, args)
    assert first.exit_code == 0, first.output
    # NEO4J_URI names a server this command does not manage: no bulk import into it.
    assert "batched path: the target" in first.output
    assert "demo district: 5 households + 5 planted, seed 2" in first.output
    assert "Household 10" in first.output
    assert "pending         E-PENDING" in first.output
    assert "staff story: applied" in first.output
    again = cli_env.invoke(seed, args)
    assert again.exit_code == 0, again.output
    assert "staff story: already there, kept" in again.output


def test_import_reports_bad_rows_and_exits_non_zero(cli_env: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text(
        "id,firstName,lastName,birthDate\nP1,Ana,Lee,2012-03-02\nP2,,Lee,2012-03-02\n"
    )
    result = cli_env.invoke(import_csv, [str(tmp_path / "people.csv")])
    assert result.exit_code == 1
    assert "people.csv: 1 rows loaded" in result.output
    assert "rejected people.csv:3: firstName:" in result.output


def test_a_refused_constraint_is_named_and_not_blamed_on_the_connection(
    cli_env: CliRunner, db: AsyncDriver, settings: Settings
) -> None:
    """Another record holding the demo's first student number under another id."""
    # Seed 2's first student (the planted Okafor teen) gets S2-000001.
    args = ["--households", "5", "--seed", "2", "--as-of", "2027-06-08T10:00:00-0500"]
    cli_env.invoke(seed, args)
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with GraphDatabase.driver(settings.bolt_uri, auth=auth) as driver:
        driver.execute_query(
            cypher("seed/testing_take_student_number"),
            studentNumber="S2-000001",
            id="another-id",
            database_=settings.neo4j_database,
        )
    result = cli_env.invoke(seed, args)
    assert result.exit_code == 1
    assert "refused the load: a uniqueness constraint" in result.output
    assert "already exists with label `Person`" in result.output  # the database's own words
    assert "is it running" not in result.output


def test_an_unreachable_database_is_said_so(cli_env: CliRunner) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free once closed: nothing listens there
    result = cli_env.invoke(
        seed, ["--households", "5"], env={"NEO4J_URI": f"bolt://127.0.0.1:{port}"}
    )
    assert result.exit_code == 1
    assert f"could not reach the database at bolt://127.0.0.1:{port}" in result.output
    assert "is it running?" in result.output
