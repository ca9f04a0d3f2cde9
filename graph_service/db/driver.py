"""The one async Neo4j driver a process uses, built from settings."""

from __future__ import annotations

from neo4j import AsyncDriver, AsyncGraphDatabase

from graph_service.db.metered import metered
from graph_service.db.read_limit import limit_reads
from graph_service.settings import Settings


def create_driver(settings: Settings, *, reads_limited: bool = False) -> AsyncDriver:
    """An async driver for the configured database (or the managed local server), its round
    trips counted in the metrics; with `reads_limited` (the service's), its reads through
    db.run.read_rows stop at GRAPH_SERVICE_READ_TIMEOUT_SECONDS (db/read_limit.py)."""
    driver = AsyncGraphDatabase.driver(
        settings.bolt_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        # Fail readiness checks fast instead of hanging on a database that is down.
        connection_acquisition_timeout=10.0,
        connection_timeout=5.0,
        # A pooled connection idle this long is checked before use, so connections to a
        # server that went away and came back are replaced instead of failing a request.
        liveness_check_timeout=2.0,
        # "Unknown label" hints fire on every empty database; keep the useful categories.
        notifications_disabled_classifications=["UNRECOGNIZED"],
    )
    if reads_limited:
        limit_reads(driver, settings.read_timeout_seconds)
    return metered(driver)
