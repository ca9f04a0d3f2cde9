"""`access-status --as-of` and `access-log` as an operator runs them (issue 13)."""

from __future__ import annotations

from click.testing import CliRunner

from graph_service.access.cli import access_status
from graph_service.services.runtime import Runtime

AS_OF = [
    ("2026-08-31", "Household access requires active district employment"),
    ("2026-09-01T08:00", "NO ACCESS"),
    ("2026-09-01 13:59:59", "Complete the eLearning course FERPA-101"),
    ("2026-09-01T14:00", "PENDING"),
    ("2026-09-01T19:00:00+00:00", "PENDING"),  # 14:00 in the district
    ("2026-09-01T18:59:59Z", "NO ACCESS"),
]


def test_access_status_as_of_an_instant_answers_as_it_stood_then(
    certified: Runtime, cli_env: CliRunner
) -> None:
    for as_of, says in AS_OF:  # one story, asked at each instant (a story per case is slow)
        result = cli_env.invoke(access_status, ["E100", "--as-of", as_of])
        assert result.exit_code == 0, result.output
        assert says in result.output, as_of


def test_access_status_refuses_an_as_of_that_names_no_instant(
    certified: Runtime, cli_env: CliRunner
) -> None:
    result = cli_env.invoke(access_status, ["E100", "--as-of", "last tuesday"])
    assert result.exit_code == 1
    assert '--as-of: "last tuesday" is not a date or a date-time' in result.output
