"""Provisioning as a background task of the running service (started from the app lifespan)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from neo4j.exceptions import Neo4jError, ServiceUnavailable

from graph_service.services.access_provisioning import SweepReport, run_sweep
from graph_service.services.access_runtime import AccessRuntime

log = logging.getLogger(__name__)


async def provision_periodically(
    runtime: AccessRuntime,
    *,
    interval_seconds: float,
    quiz_due_within_days: int = 30,
    on_report: Callable[[SweepReport], None] | None = None,
) -> None:
    """Run the sweep now and then every `interval_seconds` until cancelled. A failed run is
    logged and retried at the next tick: a database blip must not stop provisioning."""
    while True:
        try:
            report = await run_sweep(runtime, quiz_due_within_days=quiz_due_within_days)
        except (Neo4jError, ServiceUnavailable):
            log.exception("provisioning sweep failed; retrying in %.0f s", interval_seconds)
        else:
            for breach in report.sla_breaches:
                log.warning(
                    "SLA breach: grant %s of %s was due active by %s",
                    breach.grant_id,
                    breach.employee_id,
                    breach.active_by,
                )
            if on_report is not None:
                on_report(report)
        await asyncio.sleep(interval_seconds)
