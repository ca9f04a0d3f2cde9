"""Every day of three school years: no automatic grant is active later than two business days
after its requirements were met, even if provisioning only ran once each business morning."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from graph_service.access.engine import evaluate, final_grant
from graph_service.access.facts import GrantStatus
from tests.unit.access.builders import POLICY, ZONE, courses, make_facts

FIRST_DAY = date(2026, 7, 1)
LAST_DAY = date(2029, 6, 30)
# Met at the first minute, during the day, and just before midnight.
TIMES_MET = [time(0, 1), time(13, 30), time(23, 59)]
SWEEP_AT = time(7, 0)  # the most pessimistic schedule: one run per business morning


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _next_sweep(after: datetime) -> datetime:
    day = after.date()
    while True:
        run = datetime.combine(day, SWEEP_AT, tzinfo=ZONE)
        if run > after and POLICY.calendar.is_business_day(day):
            return run
        day += timedelta(days=1)


def test_no_automatic_grant_activates_later_than_two_business_days() -> None:
    violations: list[str] = []
    checked = 0
    for day in _days(FIRST_DAY, LAST_DAY):
        for when in TIMES_MET:
            met = datetime.combine(day, when, tzinfo=ZONE)
            stamp = met.strftime("%Y-%m-%d %H:%M")
            facts = make_facts(completions=courses(stamp))
            pending = final_grant(facts, evaluate(facts, POLICY, met, activate=False))
            assert pending is not None
            assert pending.status is GrantStatus.PENDING
            sweep = _next_sweep(met)
            later = facts.model_copy(update={"grant": pending})
            active = final_grant(later, evaluate(later, POLICY, sweep, activate=True))
            assert active is not None
            assert active.activated_at is not None
            activated_on = active.activated_at.astimezone(ZONE).date()
            # Counted independently of the engine's own deadline arithmetic.
            waited = POLICY.calendar.business_days_after(day, activated_on)
            if waited > POLICY.sla_business_days or activated_on > pending.active_by:
                violations.append(f"met {met}, active {active.activated_at} ({waited} days)")
            if POLICY.calendar.business_days_after(day, pending.active_by) != 2:
                violations.append(f"met {met}: active-by {pending.active_by} is not 2 days on")
            checked += 1
    assert checked == 3 * len(_days(FIRST_DAY, LAST_DAY))
    assert violations == []


def test_friday_completion_before_a_monday_closure_is_due_wednesday() -> None:
    # 2027-07-02 is a Friday; Monday 2027-07-05 is a closure day in the shipped calendar.
    facts = make_facts(completions=courses("2027-07-02 15:00"))
    met = datetime(2027, 7, 2, 15, 0, tzinfo=ZONE)
    pending = final_grant(facts, evaluate(facts, POLICY, met, activate=False))
    assert pending is not None
    assert pending.active_by == date(2027, 7, 7)
