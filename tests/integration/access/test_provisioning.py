"""The provisioning sweep on the real database: activate, expire, report, and change nothing
when run again."""

from __future__ import annotations

from datetime import date

from graph_service.access.facts import GrantStatus
from graph_service.clock import FixedClock
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at, completions, hired, send
from tests.integration.access.helpers import count_nodes


async def certify(runtime: Runtime, clock: FixedClock, employee: str, when: str) -> None:
    await send(runtime, clock, when, hired(when, employee))
    await send(runtime, clock, when, *completions(when, employee))


async def test_second_run_changes_nothing(runtime: Runtime, clock: FixedClock) -> None:
    await certify(runtime, clock, "E1", "2026-09-01 10:00")
    await certify(runtime, clock, "E2", "2026-09-01 11:00")
    clock.advance_to(at("2026-09-02 07:00"))
    first = await run_sweep(runtime)
    assert first.count(GrantStatus.ACTIVE) == 2
    graph = await count_nodes(runtime)
    second = await run_sweep(runtime)
    assert not second.changed
    assert await count_nodes(runtime) == graph


async def test_lapsed_grants_expire_once(runtime: Runtime, clock: FixedClock) -> None:
    await certify(runtime, clock, "E1", "2026-09-01 10:00")
    clock.advance_to(at("2026-09-02 07:00"))
    await run_sweep(runtime)
    clock.advance_to(at("2028-07-01 00:00"))
    first = await run_sweep(runtime)
    assert first.count(GrantStatus.EXPIRED) == 1
    assert not (await run_sweep(runtime)).changed


async def test_grants_pending_past_two_business_days_are_reported_as_breaches(
    runtime: Runtime, clock: FixedClock
) -> None:
    await certify(runtime, clock, "E-late", "2026-09-04 16:00")  # Friday before Labor Day
    await certify(runtime, clock, "E-on-time", "2026-09-08 09:00")
    clock.advance_to(at("2026-09-10 08:00"))  # E-late was due active by Wed Sep 9
    report = await run_sweep(runtime)
    assert [(b.employee_id, b.active_by) for b in report.sla_breaches] == [
        ("E-late", date(2026, 9, 9))
    ]
    assert report.count(GrantStatus.ACTIVE) == 2


async def test_quizzes_due_within_n_days_are_listed(runtime: Runtime, clock: FixedClock) -> None:
    await certify(runtime, clock, "E1", "2026-09-01 10:00")
    clock.advance_to(at("2026-09-02 07:00"))
    await run_sweep(runtime)
    clock.advance_to(at("2028-05-31 07:00"))
    assert (await run_sweep(runtime, quiz_due_within_days=29)).quiz_due == []
    due = (await run_sweep(runtime, quiz_due_within_days=30)).quiz_due
    assert [(d.employee_id, d.window_opens, d.due, d.days_left) for d in due] == [
        ("E1", date(2028, 4, 1), date(2028, 6, 30), 30)
    ]


async def test_full_sweep_agrees_with_the_targeted_one(runtime: Runtime, clock: FixedClock) -> None:
    await certify(runtime, clock, "E1", "2026-09-01 10:00")
    await certify(runtime, clock, "E2", "2026-09-01 11:00")
    clock.advance_to(at("2026-09-02 07:00"))
    await run_sweep(runtime)
    clock.advance_to(at("2028-07-01 00:00"))
    targeted = await run_sweep(runtime)
    assert targeted.count(GrantStatus.EXPIRED) == 2
    assert not (await run_sweep(runtime, full=True)).changed
