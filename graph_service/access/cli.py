"""Access commands for the `graph-service` CLI: `provision`, `access-status`, `ingest-events`,
`access-reference`, `access-audit` and `access-log`. The lead wires them into graph_service/cli.py
(`main.add_command(provision)` and so on)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import click
from neo4j.exceptions import DriverError, Neo4jError
from pydantic import ValidationError

from graph_service.access.access_log import AccessLogEntry, to_csv
from graph_service.access.as_of import AS_OF_HELP, BadAsOf, local_text, parse_as_of
from graph_service.access.facts import GrantStatus
from graph_service.access.policy import InvalidPolicy, Policy
from graph_service.access.settings import AccessSettings
from graph_service.access.status_text import render_status
from graph_service.clock import Clock, FixedClock
from graph_service.db.audit import list_entries
from graph_service.db.driver import create_driver
from graph_service.db.staff import ReferenceData
from graph_service.domain.date_range import out_of_range
from graph_service.errors import BadInput, ServiceError
from graph_service.services.access_events import BatchReport, record_batch
from graph_service.services.access_log import full_access_log
from graph_service.services.access_provisioning import SweepReport
from graph_service.services.access_reference import load_reference_data
from graph_service.services.access_status import get_access_status
from graph_service.services.runtime import Runtime
from graph_service.services.sweep_lease import sweep_now
from graph_service.settings import Settings

T = TypeVar("T")


def _run(work: Callable[[Runtime], Awaitable[T]], as_of: str | None) -> T:
    """Build a runtime from settings, run `work` with it, and turn failures into messages.
    `as_of` pins the clock (see AS_OF_HELP: a date, a district-local or an offset instant)."""
    try:
        settings = Settings()
        access = AccessSettings()
        policy = access.policy()
    except (ValueError, InvalidPolicy) as error:
        raise click.ClickException(str(error)) from error
    clock: Clock = access.clock()
    if as_of is not None:
        try:
            instant = parse_as_of(as_of, policy.zone)
        except BadAsOf as error:
            raise click.BadParameter(str(error), param_hint="--as-of") from None
        if reason := out_of_range(instant.astimezone(policy.zone).date()):
            raise click.BadParameter(reason, param_hint="--as-of")
        clock = FixedClock(instant)

    async def main() -> T:
        async with create_driver(settings) as driver:
            runtime = Runtime(driver, settings.neo4j_database, policy, clock, settings=settings)
            return await work(runtime)

    try:
        return asyncio.run(main())
    except ServiceError as error:
        raise click.ClickException(error.message) from error
    except (DriverError, Neo4jError) as error:
        raise click.ClickException(
            f"the database did not answer ({error}); is it running? (graph-service db start)"
        ) from error


def render_sweep(report: SweepReport, policy: Policy) -> str:
    """Counts first, then each change, quizzes coming due and SLA breaches."""
    sla_days = policy.sla_business_days
    lines = [
        f"Provisioning as of {local_text(report.as_of, policy.zone)}",
        f"  activated {report.count(GrantStatus.ACTIVE)}, "
        f"expired {report.count(GrantStatus.EXPIRED)}, revoked {report.count(GrantStatus.REVOKED)}",
    ]
    for employee_id, transitions in sorted(report.transitions.items()):
        lines += [
            f"  {employee_id}: {t.from_status or 'new'} -> {t.to_status}: {t.reason}"
            for t in transitions
        ]
    if not report.changed:
        lines.append("  nothing to change")
    lines.append(f"Recertification quiz due soon: {len(report.quiz_due)}")
    lines += [
        f"  {d.employee_id} {d.name}: due {d.due} ({d.days_left} days left)"
        for d in report.quiz_due
    ]
    lines.append(
        f"SLA breaches (pending past {sla_days} business days): {len(report.sla_breaches)}"
    )
    lines += [
        f"  {b.employee_id}: pending since {local_text(b.pending_since, policy.zone)}, "
        f"due active by {b.active_by}"
        for b in report.sla_breaches
    ]
    return "\n".join(lines)


@click.command()
@click.option("--as-of", help=f"Run as of this instant. {AS_OF_HELP}")
@click.option("--quiz-due-within", type=click.IntRange(0, 366), help="Days ahead to list quizzes.")
@click.option("--full", is_flag=True, help="Re-decide every live grant, not only those due.")
@click.option(
    "--wait",
    type=click.FloatRange(0, 3600),
    default=60,
    show_default=True,
    help="Seconds to wait for a sweep already running (another replica's) to finish.",
)
def provision(as_of: str | None, quiz_due_within: int | None, full: bool, wait: float) -> None:
    """Activate pending grants, expire lapsed ones, list quizzes due and SLA breaches."""
    days = quiz_due_within if quiz_due_within is not None else AccessSettings().quiz_due_within_days

    async def work(runtime: Runtime) -> str:
        report = await sweep_now(runtime, wait_seconds=wait, quiz_due_within_days=days, full=full)
        return render_sweep(report, runtime.policy)

    click.echo(_run(work, as_of))


@click.command("access-status")
@click.argument("employee_id")
@click.option(
    "--as-of", help=f"Answer as it stood at this instant, from the history kept. {AS_OF_HELP}"
)
def access_status(employee_id: str, as_of: str | None) -> None:
    """Explain a staff member's household access: status, checklist, dates, next steps."""

    async def work(runtime: Runtime) -> str:
        try:
            at = parse_as_of(as_of, runtime.policy.zone) if as_of is not None else None
        except ValueError as error:
            raise BadInput("--as-of", str(error)) from None
        status = await get_access_status(runtime, employee_id, as_of=at)
        return render_status(status, runtime.policy.zone)

    click.echo(_run(work, None))


@click.command("ingest-events")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), help="Default: by suffix.")
@click.option("--as-of", help=f"Record as of this instant (backfills). {AS_OF_HELP}")
def ingest_events(path: Path, fmt: str | None, as_of: str | None) -> None:
    """Apply a feed's CSV or JSON-lines file; bad rows are listed and the rest applied. Exits
    1 when any row was rejected, so that a script can tell."""
    chosen = fmt or ("csv" if path.suffix.lower() == ".csv" else "jsonl")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise click.ClickException(
            f"{path} is not UTF-8 text (byte {error.start}); export it as UTF-8 and run again"
        ) from None

    async def work(runtime: Runtime) -> BatchReport:
        return await record_batch(runtime, text, "csv" if chosen == "csv" else "jsonl")

    report = _run(work, as_of)
    click.echo(
        f"applied {report.applied}, duplicates {report.duplicates}, rejected {len(report.rejected)}"
    )
    for duplicate in report.duplicate_rows:
        click.echo(f"  {duplicate.describe()}")
    for row in report.rejected:
        click.echo(f"  line {row.line}: {row.reason}")
    if report.rejected:
        raise SystemExit(1)


@click.command("access-reference")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--actor", default="access-admin", show_default=True, help="Recorded as the author.")
def access_reference(path: Path, actor: str) -> None:
    """Load job roles, schools and central-office teams from a JSON file
    ({"roles": [...], "schools": [...], "teams": [...]}) and re-decide affected access."""
    try:
        data = ReferenceData.model_validate_json(path.read_text(encoding="utf-8"))
    except ValidationError as error:
        raise click.ClickException(f"{path}: {error}") from error

    async def work(runtime: Runtime) -> str:
        changes = await load_reference_data(runtime, data, actor=actor)
        lines = [
            f"saved {len(data.roles)} roles, {len(data.schools)} schools, {len(data.teams)} teams"
        ]
        lines += [
            f"  {employee_id}: {t.from_status or 'new'} -> {t.to_status}: {t.reason}"
            for employee_id, transitions in sorted(changes.items())
            for t in transitions
        ]
        return "\n".join(lines)

    click.echo(_run(work, None))


@click.command("access-audit")
@click.argument("employee_id", required=False)
@click.option("--limit", type=click.IntRange(1, 10000), default=200, show_default=True)
def access_audit(employee_id: str | None, limit: int) -> None:
    """Print the audit trail (events, grant transitions, decisions), oldest first."""

    async def work(runtime: Runtime) -> str:
        entries = await list_entries(
            runtime.driver, database=runtime.database, employee_id=employee_id, limit=limit
        )
        zone = runtime.policy.zone
        lines = []
        for entry in entries:
            when = local_text(entry["at"], zone)
            what = entry.get("reason") or entry.get("eventType") or ""
            change = (
                f" {entry.get('fromStatus') or 'new'} -> {entry['toStatus']}"
                if "toStatus" in entry
                else ""
            )
            version = f" [policy {entry['policyVersion']}]" if "policyVersion" in entry else ""
            lines.append(
                f"{when}  {entry['kind']:<17} {entry.get('employeeId', '-'):<10} "
                f"by {entry['actor']}:{change} {what}{version}"
            )
        return "\n".join(lines) or "no audit entries"

    click.echo(_run(work, None))


@click.command("access-log")
@click.option("--household", "household_id", help="A household's id (its members included).")
@click.option("--person", "person_id", help="A person's id.")
@click.option("--from", "start", help="From this instant or day (inclusive), district time.")
@click.option("--to", "end", help="Until this instant or day (exclusive), district time.")
@click.option(
    "--csv",
    "csv_file",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the record to this CSV file instead of printing it.",
)
def access_log(
    household_id: str | None,
    person_id: str | None,
    start: str | None,
    end: str | None,
    csv_file: Path | None,
) -> None:
    """Who read or changed a household or a person, when, through which operation, and
    whether their grant entitled them to it at that instant (from the audit trail)."""
    if (household_id is None) == (person_id is None):
        raise click.UsageError("give exactly one of --household and --person")

    async def work(runtime: Runtime) -> list[AccessLogEntry]:
        zone = runtime.policy.zone
        bounds = []
        for name, text in (("--from", start), ("--to", end)):
            try:
                bounds.append(parse_as_of(text, zone) if text is not None else None)
            except ValueError as error:
                raise BadInput(name, str(error)) from None
        return await full_access_log(
            runtime,
            kind="Household" if household_id else "Person",
            subject_id=str(household_id or person_id),
            start=bounds[0],
            end=bounds[1],
        )

    entries = _run(work, None)
    if csv_file is not None:
        csv_file.write_text(to_csv(entries), encoding="utf-8")
        click.echo(f"wrote {len(entries)} entries to {csv_file}")
        return
    lines = [
        f"{e.at:%Y-%m-%d %H:%M:%S %Z}  {e.actor:<18} {e.action:<6} {e.operation:<22} "
        f"{'allowed' if e.allowed else 'refused':<7}  "
        f"{'entitled' if e.entitled else 'NOT ENTITLED'}: {e.entitlement}"
        for e in entries
    ]
    click.echo("\n".join(lines) or "no reads or changes recorded")
