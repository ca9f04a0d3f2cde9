"""One provisioning sweep at a time across every process that serves the same database.

The periodic sweep of each replica (and of each `serve --workers` process) asks for the lease
with its period: the first to ask after the period is due sweeps, the others skip that tick.
A sweep run by hand (`graph-service provision`, the `runProvisioning` mutation) takes the same
lease, waiting for a running sweep to finish. The sweep itself also locks each person before
it reads them, so even two sweeps that overlap (a holder slower than its lease) apply each
transition once.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from datetime import datetime

from neo4j.exceptions import DriverError, Neo4jError

from graph_service.db.leases import LeaseState, acquire_lease, release_lease
from graph_service.errors import Conflict
from graph_service.services.access_provisioning import SweepReport, run_sweep
from graph_service.services.runtime import Runtime

LEASE = "provisioning-sweep"
# Longer than any sweep should take; a holder that dies mid-sweep frees the lease after this.
LEASE_SECONDS = 600.0
_POLL_SECONDS = 0.5

log = logging.getLogger(__name__)


class SweepInProgress(Conflict):
    """A sweep run by hand found another one running and waited as long as it was told to."""

    def __init__(self, holder: str | None, since: datetime | None) -> None:
        started = f" since {since:%Y-%m-%d %H:%M:%S} UTC" if since else ""
        super().__init__(
            f"another provisioning sweep is running ({holder or 'unknown holder'}{started}); "
            "its changes will show when it finishes: run this one again after it"
        )


def new_holder() -> str:
    """A name for one sweeper that says where it runs (host and process), unique per call."""
    return f"{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:8]}"


async def sweep_when_due(
    runtime: Runtime,
    *,
    holder: str,
    every_seconds: float,
    quiz_due_within_days: int = 30,
) -> SweepReport | None:
    """The periodic sweep's tick: sweep when this period's sweep is still to be done and no
    other sweep runs; None when another process did or does it."""
    state = await _acquire(runtime, holder, every_seconds)
    if not state.granted:
        return None
    return await _sweep_then_release(runtime, holder, quiz_due_within_days, full=False)


async def sweep_now(
    runtime: Runtime,
    *,
    wait_seconds: float,
    quiz_due_within_days: int = 30,
    full: bool = False,
) -> SweepReport:
    """A sweep asked for by hand: waits up to `wait_seconds` for a running sweep to finish,
    then sweeps, or raises SweepInProgress."""
    holder = new_holder()
    deadline = time.monotonic() + wait_seconds
    while not (state := await _acquire(runtime, holder, None)).granted:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SweepInProgress(state.holder, state.acquired_at)
        await asyncio.sleep(min(_POLL_SECONDS, left))
    return await _sweep_then_release(runtime, holder, quiz_due_within_days, full=full)


async def _acquire(runtime: Runtime, holder: str, every: float | None) -> LeaseState:
    return await acquire_lease(
        runtime.driver,
        database=runtime.database,
        name=LEASE,
        holder=holder,
        seconds=LEASE_SECONDS,
        every_seconds=every,
    )


async def _sweep_then_release(
    runtime: Runtime, holder: str, quiz_due_within_days: int, *, full: bool
) -> SweepReport:
    try:
        return await run_sweep(runtime, quiz_due_within_days=quiz_due_within_days, full=full)
    finally:
        # The period stays claimed (nextDueAt); only "someone is sweeping" ends here. A lease
        # that can't be given back (the database went away) frees itself when it expires.
        try:
            await release_lease(
                runtime.driver, database=runtime.database, name=LEASE, holder=holder
            )
        except (DriverError, Neo4jError):
            log.warning("the provisioning lease was not released; it expires by itself")
