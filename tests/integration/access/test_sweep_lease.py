"""Sweeps from several processes at once: the lease lets one sweep per period, a sweep run by
hand waits for a running one, and even overlapping sweeps apply each transition once."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from graph_service.access.facts import GrantStatus
from graph_service.clock import FixedClock
from graph_service.db.leases import acquire_lease, release_lease
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.runtime import Runtime
from graph_service.services.sweep_lease import (
    LEASE,
    SweepInProgress,
    new_holder,
    sweep_now,
    sweep_when_due,
)
from tests.integration.access.conftest import at, completions, hired, send
from tests.integration.access.helpers import audit_entries

STAFF = [f"E-{n:02d}" for n in range(8)]


async def _certified_then_due(runtime: Runtime, clock: FixedClock) -> None:
    """Eight staff with every course done (pending grants), and the clock a day on."""
    for employee in STAFF:
        await send(runtime, clock, "2026-09-01 10:00", hired("2026-09-01 10:00", employee))
        await send(runtime, clock, "2026-09-01 10:00", *completions("2026-09-01 10:00", employee))
    clock.advance_to(at("2026-09-02 07:00"))


async def _activations_audited(runtime: Runtime) -> Counter[str]:
    entries = await audit_entries(runtime)
    return Counter(
        e["employeeId"]
        for e in entries
        if e["kind"] == "grant.transition" and e["toStatus"] == GrantStatus.ACTIVE.value
    )


async def test_overlapping_sweeps_apply_and_audit_each_transition_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    # No lease here: what a holder slower than its lease would overlap with.
    await _certified_then_due(runtime, clock)
    reports = await asyncio.gather(*(run_sweep(runtime) for _ in range(4)))
    assert sum(report.count(GrantStatus.ACTIVE) for report in reports) == len(STAFF)
    assert await _activations_audited(runtime) == Counter(STAFF)


async def test_one_process_sweeps_per_period(runtime: Runtime, clock: FixedClock) -> None:
    await _certified_then_due(runtime, clock)
    ticks = await asyncio.gather(
        *(sweep_when_due(runtime, holder=new_holder(), every_seconds=600) for _ in range(5))
    )
    swept = [report for report in ticks if report is not None]
    assert len(swept) == 1
    assert swept[0].count(GrantStatus.ACTIVE) == len(STAFF)
    # The period stays claimed after the sweep: a later tick of any process skips it ...
    assert await sweep_when_due(runtime, holder=new_holder(), every_seconds=600) is None
    # ... but a sweep asked for by hand runs at once (nothing left to change).
    assert not (await sweep_now(runtime, wait_seconds=0)).changed
    assert await _activations_audited(runtime) == Counter(STAFF)


async def test_the_next_period_is_swept_again(runtime: Runtime) -> None:
    assert await sweep_when_due(runtime, holder="a", every_seconds=3) is not None
    assert await sweep_when_due(runtime, holder="b", every_seconds=3) is None
    await asyncio.sleep(3.1)
    assert await sweep_when_due(runtime, holder="b", every_seconds=3) is not None


async def test_a_sweep_by_hand_waits_for_the_running_one(
    runtime: Runtime, clock: FixedClock
) -> None:
    await _certified_then_due(runtime, clock)
    database = runtime.database
    held = await acquire_lease(
        runtime.driver, database=database, name=LEASE, holder="replica-a", seconds=60
    )
    assert held.granted
    with pytest.raises(SweepInProgress, match="replica-a"):
        await sweep_now(runtime, wait_seconds=0.3)

    async def finish_soon() -> None:
        await asyncio.sleep(0.5)
        await release_lease(runtime.driver, database=database, name=LEASE, holder="replica-a")

    _, report = await asyncio.gather(finish_soon(), sweep_now(runtime, wait_seconds=10))
    assert report.count(GrantStatus.ACTIVE) == len(STAFF)


async def test_a_lease_whose_holder_died_frees_itself(runtime: Runtime) -> None:
    database = runtime.database
    await acquire_lease(
        runtime.driver, database=database, name=LEASE, holder="crashed", seconds=0.2
    )
    await asyncio.sleep(0.3)
    await sweep_now(runtime, wait_seconds=0)  # no SweepInProgress


async def test_many_processes_asking_at_once_get_one_lease(runtime: Runtime) -> None:
    answers = await asyncio.gather(
        *(
            acquire_lease(
                runtime.driver, database=runtime.database, name=LEASE, holder=f"p{n}", seconds=60
            )
            for n in range(8)
        )
    )
    winners = {answer.holder for answer in answers if answer.granted}
    assert len(winners) == 1
    assert {answer.holder for answer in answers} == winners  # the losers are told who holds it
