"""The access commands against the real database, as an operator runs them."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import AsyncDriver

from graph_service.access.cli import (
    access_audit,
    access_reference,
    access_status,
    ingest_events,
    provision,
)
from graph_service.access.policy import InvalidPolicy
from graph_service.db.leases import acquire_lease
from graph_service.services.access_periodic import provision_periodically
from graph_service.services.access_provisioning import SweepReport
from graph_service.services.runtime import Runtime, build_runtime
from graph_service.services.sweep_lease import LEASE
from graph_service.settings import Settings


def test_provision_as_of_a_date_activates_and_a_second_run_changes_nothing(
    certified: Runtime, cli_env: CliRunner
) -> None:
    first = cli_env.invoke(provision, ["--as-of", "2026-09-02"])
    assert first.exit_code == 0, first.output
    assert "activated 1, expired 0, revoked 0" in first.output
    assert (
        "E100: pending -> active: activated by provisioning; valid through 2028-06-30"
        in first.output
    )
    second = cli_env.invoke(provision, ["--as-of", "2026-09-02"])
    assert second.exit_code == 0, second.output
    assert "nothing to change" in second.output


async def test_provision_says_when_another_sweep_is_running(
    certified: Runtime, cli_env: CliRunner
) -> None:
    held = await acquire_lease(
        certified.driver, database=certified.database, name=LEASE, holder="replica-b", seconds=60
    )
    assert held.granted
    result = await asyncio.to_thread(cli_env.invoke, provision, ["--wait", "0.2"])
    assert result.exit_code == 1
    assert "another provisioning sweep is running (replica-b" in result.output


def test_provision_lists_quizzes_due(certified: Runtime, cli_env: CliRunner) -> None:
    cli_env.invoke(provision, ["--as-of", "2026-09-02"])
    result = cli_env.invoke(provision, ["--as-of", "2028-06-20", "--quiz-due-within", "14"])
    assert "Recertification quiz due soon: 1" in result.output
    assert "E100 Staff E100: due 2028-06-30 (10 days left)" in result.output


def test_access_status_command_explains(certified: Runtime, cli_env: CliRunner) -> None:
    result = cli_env.invoke(access_status, ["E100", "--as-of", "2026-09-02"])
    assert result.exit_code == 0, result.output
    assert "PENDING" in result.output
    unknown = cli_env.invoke(access_status, ["E-NOBODY"])
    assert unknown.exit_code == 1
    assert 'Staff member "E-NOBODY" not found' in unknown.output


def test_ingest_events_reports_rejected_rows(
    runtime: Runtime, cli_env: CliRunner, tmp_path: Path
) -> None:
    feed = tmp_path / "hr.csv"
    feed.write_text(
        "type,employeeId,source,occurredAt,name,roleId,locationId\n"
        "hired,E9,hr,2026-09-01T08:00:00-05:00,Lee Park,office-pro,lincoln\n"
        "hired,E10,hr,2026-09-01T08:00:00-05:00,,office-pro,lincoln\n"
    )
    result = cli_env.invoke(ingest_events, [str(feed)])
    assert result.exit_code == 1, result.output
    assert "applied 1, duplicates 0, rejected 1" in result.output
    assert "line 3: a hired event needs name" in result.output


async def test_periodic_provisioning_runs_until_cancelled(certified: Runtime) -> None:
    reports: list[SweepReport] = []
    two_runs = asyncio.Event()

    def collect(report: SweepReport) -> None:
        reports.append(report)
        if len(reports) == 2:
            two_runs.set()

    task = asyncio.create_task(
        provision_periodically(certified, interval_seconds=0.05, on_report=collect)
    )
    await asyncio.wait_for(two_runs.wait(), timeout=10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert reports[0].changed
    assert not reports[1].changed


def test_access_reference_loads_roles_schools_and_teams(
    runtime: Runtime, cli_env: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "district.json"
    data.write_text(
        '{"roles": [{"id": "clerk", "name": "Clerk", "category": "school-based",'
        ' "officeProfessional": true}],'
        ' "schools": [{"id": "oak", "name": "Oak Elementary"}],'
        ' "teams": [{"id": "tech", "name": "Tech", "approvedForHouseholdAccess": false}]}'
    )
    result = cli_env.invoke(access_reference, [str(data)])
    assert result.exit_code == 0, result.output
    assert "saved 1 roles, 1 schools, 1 teams" in result.output
    data.write_text('{"roles": [{"id": "clerk", "category": "janitorial"}]}')
    refused = cli_env.invoke(access_reference, [str(data)])
    assert refused.exit_code == 1
    assert "roles.0.name" in refused.output


def test_access_audit_prints_the_trail(certified: Runtime, cli_env: CliRunner) -> None:
    cli_env.invoke(provision, ["--as-of", "2026-09-02"])
    result = cli_env.invoke(access_audit, ["E100"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1 + 3 + 2  # hire, three courses, pending, active
    assert "grant.transition  E100       by provisioning: pending -> active" in lines[-1]
    assert "[policy 2026.1]" in lines[-1]


async def test_an_invalid_policy_file_stops_the_service_at_start(
    db: AsyncDriver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, settings: Settings
) -> None:
    broken = tmp_path / "policy.json"
    broken.write_text('{"version": "x"}')
    monkeypatch.setenv("GRAPH_SERVICE_ACCESS_POLICY_FILE", str(broken))
    with pytest.raises(InvalidPolicy, match=r"policy\.json refused: district: Field required"):
        build_runtime(db, settings)


HIRE = {
    "type": "hired",
    "employeeId": "E11",
    "source": "hr",
    "occurredAt": "2026-09-01T08:00:00-05:00",
    "name": "Kai Moss",
    "roleId": "office-pro",
    "locationId": "lincoln",
}
HIRE_CSV = "type,employeeId,source,occurredAt,name,roleId,locationId\n" + ",".join(HIRE.values())


@pytest.mark.parametrize(
    ("fmt", "good", "bad"),
    [
        ("csv", f"{HIRE_CSV}\n{HIRE_CSV.splitlines()[1]}\n", f"{HIRE_CSV}\nhired,E12,hr\n"),
        ("jsonl", f"{json.dumps(HIRE)}\n{json.dumps(HIRE)}\n", f"{json.dumps(HIRE)}\n[1]\n"),
    ],
)
def test_ingest_events_exits_non_zero_exactly_when_a_row_is_rejected(
    runtime: Runtime, cli_env: CliRunner, tmp_path: Path, fmt: str, good: str, bad: str
) -> None:
    feed = tmp_path / f"feed.{fmt}"
    feed.write_text(good)
    result = cli_env.invoke(ingest_events, [str(feed)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "applied 1, duplicates 1, rejected 0",
        "  line 3: duplicate of line 2" if fmt == "csv" else "  line 2: duplicate of line 1",
    ]
    feed.write_text(bad)
    refused = cli_env.invoke(ingest_events, [str(feed)])
    assert refused.exit_code == 1, refused.output
    first = 2 if fmt == "csv" else 1
    assert refused.output.splitlines()[:2] == [
        "applied 0, duplicates 1, rejected 1",
        f"  line {first}: duplicate of an event already recorded",
    ]


def test_access_status_as_of_a_date_time_in_any_form(
    certified: Runtime, cli_env: CliRunner
) -> None:
    # One fixture for every form: each names the same instant.
    forms = [
        "2026-09-02T07:30",
        "2026-09-02 07:30:00",
        "2026-09-02T12:30:00Z",
        "2026-09-02T07:30:00-05:00",
    ]
    for as_of in forms:
        result = cli_env.invoke(access_status, ["E100", "--as-of", as_of])
        assert result.exit_code == 0, result.output
        assert "As of Wed Sep 2, 2026 07:30 CDT (UTC-05:00)" in result.output, as_of


def test_provision_and_ingest_take_date_times_and_refuse_what_is_no_instant(
    certified: Runtime, cli_env: CliRunner, tmp_path: Path
) -> None:
    swept = cli_env.invoke(provision, ["--as-of", "2026-09-02T06:45:00-05:00"])
    assert swept.exit_code == 0, swept.output
    assert swept.output.startswith("Provisioning as of Wed Sep 2, 2026 06:45 CDT (UTC-05:00)")
    feed = tmp_path / "late.jsonl"
    feed.write_text(json.dumps(HIRE | {"occurredAt": "2026-09-03T08:00:00-05:00"}) + "\n")
    early = cli_env.invoke(ingest_events, [str(feed), "--as-of", "2026-09-03T07:00"])
    assert early.exit_code == 1, early.output
    assert "line 1: occurredAt: 2026-09-03T08:00:00-05:00 is in the future" in early.output
    backfill = cli_env.invoke(ingest_events, [str(feed), "--as-of", "2026-09-03T09:00"])
    assert backfill.exit_code == 0, backfill.output
    skipped = cli_env.invoke(provision, ["--as-of", "2027-03-14T02:30"])
    assert skipped.exit_code == 2
    assert "does not exist in America/Chicago" in skipped.output
