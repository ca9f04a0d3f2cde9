"""The SLA through the real graph around the winter closures: every day from mid-December to
mid-January, requirements met in the afternoon, provisioning once per business morning."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from graph_service.clock import FixedClock
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import ZONE, completions, hired, send
from tests.integration.access.helpers import latest_grant

FIRST, LAST = date(2026, 12, 18), date(2027, 1, 8)


async def test_no_grant_is_active_later_than_two_business_days_after_requirements(
    runtime: Runtime, clock: FixedClock
) -> None:
    calendar = runtime.policy.calendar
    met_on: dict[str, date] = {}
    day = FIRST
    while day <= LAST + timedelta(days=10):
        if calendar.is_business_day(day):
            clock.advance_to(datetime.combine(day, time(7, 0), tzinfo=ZONE))
            await run_sweep(runtime)
        if day <= LAST:
            employee = f"E-{day:%m%d}"
            stamp = f"{day} 16:00"
            await send(runtime, clock, stamp, hired(stamp, employee), *completions(stamp, employee))
            met_on[employee] = day
        day += timedelta(days=1)
    late = []
    for employee, met in met_on.items():
        grant = await latest_grant(runtime, employee)
        assert grant is not None
        assert grant.activated_at is not None
        active_on = grant.activated_at.astimezone(ZONE).date()
        if calendar.business_days_after(met, active_on) > 2 or active_on > grant.active_by:
            late.append((employee, met, active_on))
    assert len(met_on) == (LAST - FIRST).days + 1
    assert late == []
