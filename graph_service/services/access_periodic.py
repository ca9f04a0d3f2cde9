"""Provisioning as a background task of the running service (started from the app lifespan).
Every process may run it: the lease in the graph lets one of them sweep per period."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from neo4j.exceptions import Neo4jError, ServiceUnavailable

from graph_service.errors import ServiceError
from graph_service.services.access_provisioning import SweepReport
from graph_service.services.runtime import Runtime
from graph_service.services.sweep_lease import new_holder, sweep_when_due

log = logging.getLogger(__name__)


async def provision_periodically(
    runtime: Runtime,
    *,
    interval_seconds: float,
    quiz_due_within_days: int = 30,
    on_report: Callable[[SweepReport], None] | None = None,
) -> None:
    """Ask to sweep now and then every `interval_seconds` until cancelled; the sweep runs
    when no other process swept this period (`on_report` hears only of sweeps run here). A
    failed run is logged and retried at the next tick: a database blip must not stop
    provisioning."""
    holder = new_holder()
    while True:
        report = None
        try:
            report = await sweep_when_due(
                runtime,
                holder=holder,
                every_seconds=interval_seconds,
                quiz_due_within_days=quiz_due_within_days,
            )
        # ServiceError too: the runtime's write gives the driver's errors as ours.
        except (Neo4jError, ServiceUnavailable, ServiceError):
            log.exception("provisioning sweep failed; retrying in %.0f s", interval_seconds)
        if report is not None:
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
