"""The `seed` and `import` commands against the real database, as a developer runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import AsyncDriver

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
