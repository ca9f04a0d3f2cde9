"""The `graph-service` command: the managed Neo4j, migrations and the server."""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import click
import uvicorn
from neo4j.exceptions import DriverError, Neo4jError

from graph_service.access.cli import (
    access_audit,
    access_log,
    access_reference,
    access_status,
    ingest_events,
    provision,
)
from graph_service.access.policy import InvalidPolicy
from graph_service.access.policy_cli import policy
from graph_service.access.settings import AccessSettings
from graph_service.app import create_app
from graph_service.auth.principal import PlatformRole
from graph_service.auth.tokens import mint_development_token
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.demo import DEMO_INSTANT, demo_clock, load_demo, welcome
from graph_service.graphql.trusted_documents import ManifestError, TrustedDocuments
from graph_service.localdb import LocalNeo4j, LocalNeo4jError
from graph_service.observability.logs import logging_config
from graph_service.observability.metrics import (
    clear_counts,
    multiprocess_dir,
    share_counts_through,
)
from graph_service.seeding.cli import import_csv, seed
from graph_service.seeding.failures import explain
from graph_service.services.access_periodic import provision_periodically
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings


def _settings() -> Settings:
    try:
        return Settings()
    except ValueError as error:
        raise click.ClickException(str(error)) from error


def _local(settings: Settings) -> LocalNeo4j:
    return LocalNeo4j.from_settings(settings)


@click.group()
def main() -> None:
    """Household graph service."""


@main.group()
def db() -> None:
    """The managed local Neo4j (used when NEO4J_URI is not set)."""


@db.command()
def start() -> None:
    """Start the local Neo4j and wait until Bolt answers (no-op when running)."""
    server = _local(_settings())
    began = time.monotonic()
    try:
        status = server.start()
    except LocalNeo4jError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{status.describe()} ({time.monotonic() - began:.1f}s)")


@db.command()
def stop() -> None:
    """Shut the local Neo4j down cleanly."""
    click.echo(_local(_settings()).stop().describe())


@db.command()
def status() -> None:
    """Say whether the local Neo4j runs, and where."""
    click.echo(_local(_settings()).status().describe())


@db.command()
@click.confirmation_option(prompt="Wipe every database of the local Neo4j?")
def reset() -> None:
    """Wipe the local Neo4j's data (restarting it if it was running)."""
    try:
        click.echo(_local(_settings()).reset().describe())
    except LocalNeo4jError as error:
        raise click.ClickException(str(error)) from error


async def _migrate(settings: Settings) -> list[str]:
    async with create_driver(settings) as driver:
        await driver.verify_connectivity()  # fail at once rather than retrying for 30 s
        return await migrate(driver, database=settings.neo4j_database)


@main.command(name="migrate")
def migrate_command() -> None:
    """Apply pending schema migrations (constraints and indexes)."""
    settings = _settings()
    try:
        applied = asyncio.run(_migrate(settings))
    except (Neo4jError, DriverError) as error:
        raise click.ClickException(
            f"migration failed against {settings.bolt_uri}: {error}"
        ) from error
    click.echo("applied: " + ", ".join(applied) if applied else "nothing to apply")


@main.command()
@click.argument("employee_id")
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice([role.value for role in PlatformRole]),
    help="A platform role to carry in the token (repeatable).",
)
@click.option("--hours", type=float, default=8.0, show_default=True, help="Lifetime.")
def token(employee_id: str, roles: tuple[str, ...], hours: float) -> None:
    """Mint a development bearer token for EMPLOYEE_ID (refused in production)."""
    settings = _settings()
    try:
        minted = mint_development_token(
            settings,
            employee_id,
            roles=[PlatformRole(role) for role in roles],
            lifetime=timedelta(hours=hours),
        )
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(minted)


@main.command()
@click.option("--host", default=None, help="Listen address (default from settings).")
@click.option("--port", type=int, default=None, help="Listen port (default from settings).")
@click.option(
    "--keep-db/--stop-db",
    default=False,
    help="Leave the local Neo4j running on exit when serve started it (default: stop it).",
)
@click.option(
    "--demo",
    is_flag=True,
    help="Load the demo district first, pin the clock where it was built, print tokens.",
)
@click.option("--demo-households", type=click.IntRange(5, 100_000), default=60, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes serving requests (one host's cores); the provisioning sweep runs once.",
)
def serve(
    host: str | None,
    port: int | None,
    keep_db: bool,
    demo: bool,
    demo_households: int,
    workers: int,
) -> None:
    """Run the service with uvicorn, starting the local Neo4j first when needed."""
    settings = _settings()
    try:  # a bad policy, or one that disagrees with the reference data, stops the start
        AccessSettings().policy()
    except (InvalidPolicy, ValueError) as error:
        raise click.ClickException(str(error)) from error
    if settings.trusted_documents is not None:
        try:  # refused before anything starts, in the words of the manifest's problem
            TrustedDocuments.load(settings.trusted_documents)
        except ManifestError as error:
            raise click.ClickException(str(error)) from error
    server = _local(settings) if settings.uses_local_neo4j else None
    started_here = False
    if server is not None and not server.status().running:
        click.echo("starting the local Neo4j ...")
        try:
            click.echo(server.start().describe())
        except LocalNeo4jError as error:
            raise click.ClickException(str(error)) from error
        started_here = True
    try:
        clock = None
        if demo:
            click.echo(f"loading the demo district ({demo_households} households) ...")
            try:
                summary, names = asyncio.run(load_demo(settings, demo_households))
            except (Neo4jError, DriverError) as error:
                raise click.ClickException(
                    "the demo district could not be loaded: " + explain(error, settings.bolt_uri)
                ) from error
            clock = demo_clock()
            url = f"http://{host or settings.host}:{port or settings.port}"
            click.echo(welcome(settings, summary, names, url))
        listen_host, listen_port = host or settings.host, port or settings.port
        shared_counts = multiprocess_dir()
        if shared_counts is not None:
            clear_counts(shared_counts)  # a previous run's counts are not this run's
        if workers == 1:
            uvicorn.run(
                # A demo keeps its pending grant pending: `graph-service provision` (or the
                # runProvisioning mutation) shows it activating.
                create_app(settings, clock=clock, provisioning=False if demo else None),
                host=listen_host,
                port=listen_port,
                **_uvicorn_logging(settings),
            )
        elif shared_counts is None:
            # Each worker keeps its own counts unless they share a directory: a temporary
            # one, for this run only (docs/operations.md).
            with tempfile.TemporaryDirectory(prefix="graph-service-metrics-") as directory:
                share_counts_through(Path(directory))
                _serve_workers(settings, workers, listen_host, listen_port, demo=demo)
        else:
            _serve_workers(settings, workers, listen_host, listen_port, demo=demo)
    finally:
        if server is not None and started_here and not keep_db:
            click.echo("stopping the local Neo4j ...")
            server.stop()


def _serve_workers(settings: Settings, workers: int, host: str, port: int, *, demo: bool) -> None:
    """uvicorn with `workers` processes, each building the app from the environment. The
    provisioning sweep runs here, once for all of them (a sweep per worker would race
    itself); a demo runs none, as with one worker."""
    if demo:  # the workers read the demo's pinned clock from the environment
        os.environ["GRAPH_SERVICE_PINNED_CLOCK"] = DEMO_INSTANT.isoformat()
    elif settings.env != "test":
        threading.Thread(
            target=asyncio.run, args=(_sweep_forever(settings),), name="sweep", daemon=True
        ).start()
    uvicorn.run(
        "graph_service.app:worker_app",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        **_uvicorn_logging(settings),
    )


def _uvicorn_logging(settings: Settings) -> dict[str, Any]:
    """uvicorn's logging options: the service's format for every logger (each worker applies
    it), and no access log, since the service logs each request itself."""
    return {
        "log_config": logging_config(settings.effective_log_format),
        "log_level": "info",
        "access_log": False,
    }


async def _sweep_forever(settings: Settings) -> None:
    access = AccessSettings()
    async with create_driver(settings) as driver:
        runtime = Runtime(
            driver, settings.neo4j_database, access.policy(), access.clock(), settings=settings
        )
        await provision_periodically(
            runtime,
            interval_seconds=access.provision_interval_seconds,
            quiz_due_within_days=access.quiz_due_within_days,
        )


# Certified-access operations live with the access package.
main.add_command(provision)
main.add_command(access_status)
main.add_command(ingest_events)
main.add_command(access_reference)
main.add_command(access_audit)
main.add_command(policy)
main.add_command(access_log)
# Demo data and district exports.
main.add_command(seed)
main.add_command(import_csv)
