"""The one runtime: one "today" for reads, writes and the policy, and a sweep that outlives
the errors the runtime's write gives."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, date, datetime
from typing import Any

import pytest

from graph_service.access.policy import load_policy
from graph_service.clock import FixedClock
from graph_service.services import access_periodic
from graph_service.services.access_gate import AccessGate
from graph_service.services.context import UseCaseContext
from graph_service.services.idempotency import OutcomeUnknown
from graph_service.services.read_audit import ReadAudit
from graph_service.services.runtime import Runtime

# 03:00 UTC on September 2 is still September 1 in the district (America/Chicago).
LATE_EVENING = datetime(2026, 9, 2, 3, 0, tzinfo=UTC)


def _runtime(clock: FixedClock) -> Runtime:
    return Runtime(
        driver=None,  # type: ignore[arg-type]  # nothing here reaches the database
        database="neo4j",
        policy=load_policy(),
        clock=clock,
    )


def test_today_is_the_districts_date_for_every_caller() -> None:
    runtime = _runtime(FixedClock(LATE_EVENING))
    gate = AccessGate(runtime, ReadAudit(runtime), "E1")

    use_case = gate.use_case()

    assert runtime.today() == date(2026, 9, 1)
    assert use_case.today() == runtime.today()
    assert use_case.stamp().now == LATE_EVENING


def test_a_use_case_acts_as_its_caller_on_the_one_runtime() -> None:
    runtime = _runtime(FixedClock(LATE_EVENING))

    use_case = AccessGate(runtime, ReadAudit(runtime), "E1").use_case([{"kind": "x"}])

    assert use_case == UseCaseContext(runtime, "E1", audit=({"kind": "x"},))
    assert use_case.database == "neo4j"
    assert use_case.clock is runtime.clock


async def test_the_periodic_sweep_outlives_a_write_whose_outcome_is_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The runtime's write answers a lost commit with OutcomeUnknown (a ServiceError, not a
    driver error): the sweep logs it and tries again at the next tick."""
    ticks: list[str] = []
    again = asyncio.Event()

    async def sweep(runtime: Runtime, **options: Any) -> None:
        ticks.append("tick")
        if len(ticks) == 1:
            raise OutcomeUnknown(keyed=False)
        again.set()

    monkeypatch.setattr(access_periodic, "sweep_when_due", sweep)
    task = asyncio.create_task(
        access_periodic.provision_periodically(
            _runtime(FixedClock(LATE_EVENING)), interval_seconds=0
        )
    )
    try:
        await asyncio.wait_for(again.wait(), 5)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert len(ticks) >= 2
