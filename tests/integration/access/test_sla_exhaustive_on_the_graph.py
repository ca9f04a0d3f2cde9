"""Every day of school years 2027-2029 through the real graph: requirements met at 16:00,
provisioning once per business morning, no grant active later than two business days on.

About a minute, so it runs on request: GRAPH_SERVICE_ACCESS_EXHAUSTIVE_DB=1. The same check on
the pure engine (tests/unit/access/test_sla_exhaustive.py) runs every time; so does the graph
path around the winter closures (test_sla_on_the_graph.py)."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, time, timedelta

import pytest

from graph_service.access.events import AccessEventIn, EventType
from graph_service.access.policy import SHIPPED_POLICY, parse_policy
from graph_service.clock import FixedClock
from graph_service.services.access_events import record_event
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import ZONE
from tests.integration.access.helpers import latest_grant

FIRST, LAST = date(2026, 7, 1), date(2029, 6, 30)


@pytest.mark.skipif(
    os.environ.get("GRAPH_SERVICE_ACCESS_EXHAUSTIVE_DB") != "1",
    reason="about a minute; set GRAPH_SERVICE_ACCESS_EXHAUSTIVE_DB=1 to run",
)
async def test_every_day_of_three_school_years_on_the_graph(
    runtime: Runtime, clock: FixedClock
) -> None:
    # One required course instead of three: the rule under test is the SLA, not the courses.
    data = json.loads(SHIPPED_POLICY.read_text())
    data["tracks"]["officeProfessional"]["courses"] = ["FERPA-101"]
    policy = parse_policy(json.dumps(data))
    quick = Runtime(runtime.driver, runtime.database, policy, clock)
    met: dict[str, date] = {}
    day = FIRST
    while day <= LAST + timedelta(days=10):
        if policy.calendar.is_business_day(day):
            clock.advance_to(datetime.combine(day, time(7), tzinfo=ZONE))
            await run_sweep(quick, quiz_due_within_days=0)
        if day <= LAST:
            employee, when = f"S{day:%Y%m%d}", datetime.combine(day, time(16), tzinfo=ZONE)
            clock.advance_to(when)
            common = {"employee_id": employee, "occurred_at": when}
            await record_event(
                quick,
                AccessEventIn(
                    type=EventType.HIRED,
                    source="hr",
                    name=employee,
                    role_id="office-pro",
                    location_id="lincoln",
                    **common,
                ),
            )
            await record_event(
                quick,
                AccessEventIn(
                    type=EventType.COURSE_COMPLETED,
                    source="lms",
                    course_id="FERPA-101",
                    **common,
                ),
            )
            met[employee] = day
        day += timedelta(days=1)
    violations = []
    for employee, met_on in met.items():
        grant = await latest_grant(quick, employee)
        assert grant is not None
        assert grant.activated_at is not None
        active_on = grant.activated_at.astimezone(ZONE).date()
        if policy.calendar.business_days_after(met_on, active_on) > policy.sla_business_days:
            violations.append((employee, met_on, active_on))
    assert len(met) == 1096
    assert violations == []
