"""Point-in-time access (issue 13): the status at any instant as it stood then, from the
history kept, for a staff member hired, granted, renewed, moved, departed and rehired.

Each expectation is asked again after every later step of the story, so an answer about a
past instant is shown not to change when later events arrive.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from graph_service.access.events import EventType
from graph_service.access.status import AccessStatus
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.errors import BadInput, NotFound
from graph_service.services.access_history import get_access_history
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.access_status import get_access_status
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at, completions, event, hired, send

OFFICE = "Office Professional"


@dataclass(frozen=True)
class Then:
    """What the status at `when` must say (None: not checked)."""

    when: str
    status: str
    location: str | None = None
    valid_through: str | None = None
    unmet: tuple[str, ...] | None = None
    lost: str | None = None


COURSES = ("course:FERPA-101", "course:CENSUS-HH-201", "course:CENSUS-REL-202")

# The story, in the order the feeds and the sweep delivered it (district-local instants).
STORY: list[tuple[str, str]] = [
    ("2026-09-01 08:00", "hired at Lincoln High as an attendance clerk"),
    ("2026-09-01 14:00", "courses completed at 13:00, reported at 14:00"),
    ("2026-09-02 07:00", "provisioning sweep"),
    ("2028-04-10 10:00", "recertification quiz"),
    ("2029-01-15 09:00", "moved to Elm Middle"),
    ("2029-01-16 07:00", "provisioning sweep"),
    ("2029-06-01 12:00", "left the district"),
    ("2029-09-01 08:00", "rehired at Lincoln High"),
    ("2029-09-03 10:00", "courses completed again"),
    ("2029-09-04 07:00", "provisioning sweep"),
]

TIMELINE = [
    Then("2026-08-31 12:00", "none", unmet=("employment", "assignment")),
    Then("2026-09-01 08:00", "none", location="Lincoln High", unmet=COURSES),
    Then("2026-09-01 13:30", "none", unmet=COURSES),  # done, but not reported yet
    Then("2026-09-01 13:59:59", "none", unmet=COURSES),
    Then("2026-09-01 14:00", "pending", location="Lincoln High", unmet=()),
    Then("2026-09-02 06:59:59", "pending"),
    Then("2026-09-02 07:00", "active", location="Lincoln High", valid_through="2028-06-30"),
    Then("2027-12-01 12:00", "active", valid_through="2028-06-30"),
    Then("2028-04-05 12:00", "active", valid_through="2028-06-30", unmet=("quiz",)),
    Then("2028-04-10 09:59:59", "active", valid_through="2028-06-30"),
    Then("2028-04-10 10:00", "active", valid_through="2030-06-30"),
    Then("2028-07-01 00:00", "active", valid_through="2030-06-30"),
    Then("2029-01-15 08:59:59", "active", location="Lincoln High"),
    Then("2029-01-15 09:00", "pending", location="Elm Middle"),
    Then("2029-01-16 06:59:59", "pending", location="Elm Middle"),
    Then("2029-01-16 07:00", "active", location="Elm Middle", valid_through="2030-06-30"),
    Then("2029-06-01 11:59:59", "active", location="Elm Middle"),
    Then("2029-06-01 12:00", "revoked", lost="left district employment"),
    Then("2029-08-15 12:00", "revoked", lost="left district employment"),
    Then("2029-09-01 08:00", "revoked", location="Lincoln High", unmet=COURSES),
    Then("2029-09-03 10:00", "pending", location="Lincoln High"),
    Then("2029-09-04 06:59:59", "pending"),
    Then("2029-09-04 07:00", "active", location="Lincoln High", valid_through="2031-06-30"),
]


async def _deliver(runtime: Runtime, clock: FixedClock, when: str) -> None:
    moment = at(when)
    if when == "2026-09-01 08:00":
        await send(runtime, clock, when, hired(when))
    elif when == "2026-09-01 14:00":
        await send(runtime, clock, when, *completions("2026-09-01 13:00"))
    elif when == "2028-04-10 10:00":
        await send(runtime, clock, when, event(EventType.QUIZ_COMPLETED, when))
    elif when == "2029-01-15 09:00":
        await send(runtime, clock, when, event(EventType.LOCATION_CHANGED, when, location_id="elm"))
    elif when == "2029-06-01 12:00":
        await send(runtime, clock, when, event(EventType.DEPARTED, when))
    elif when == "2029-09-01 08:00":
        rehired = event(EventType.REHIRED, when, role_id="office-pro", location_id="lincoln")
        await send(runtime, clock, when, rehired)
    elif when == "2029-09-03 10:00":
        await send(runtime, clock, when, *completions(when))
    else:
        clock.advance_to(moment)
        await run_sweep(runtime)


def _check(status: AccessStatus, then: Then) -> None:
    where = f"as of {then.when}"
    assert status.status == then.status, f"{where}: {status.status} ({status.lost_reason})"
    if then.location is not None:
        assert status.location == then.location, where
    if then.valid_through is not None:
        assert str(status.valid_through) == then.valid_through, where
    if then.unmet is not None:
        assert tuple(i.key for i in status.checklist if not i.met) == then.unmet, where
    if then.lost is not None:
        assert then.lost in (status.lost_reason or ""), where


async def test_status_at_each_instant_matches_the_timeline_and_never_changes_later(
    runtime: Runtime, clock: FixedClock
) -> None:
    first: dict[str, AccessStatus] = {}  # each instant, asked as soon as it is past
    for delivered, _what in STORY:
        await _deliver(runtime, clock, delivered)
        for then in TIMELINE:
            if then.when not in first and at(then.when) <= clock.now():
                first[then.when] = await get_access_status(runtime, "E100", as_of=at(then.when))
                _check(first[then.when], then)
    clock.advance_to(at("2029-12-01 12:00"))
    for then in TIMELINE:  # asked again once every later event has arrived
        again = await get_access_status(runtime, "E100", as_of=at(then.when))
        assert again == first[then.when], f"the answer for {then.when} changed"
    await _history_lists_each_grant_with_its_transitions_and_reasons(runtime)


async def _history_lists_each_grant_with_its_transitions_and_reasons(
    runtime: Runtime,
) -> None:
    """Asked at the end of the same story (played once: it is the slow part)."""
    history = await get_access_history(runtime, "E100")
    kinds = [[(c.kind, f"{c.effective_at.astimezone(at('2026-01-01 00:00').tzinfo):%Y-%m-%d %H:%M}")
              for c in g.changes] for g in history.grants]  # fmt: skip
    assert kinds == [
        [
            ("pending", "2026-09-01 14:00"),
            ("active", "2026-09-02 07:00"),
            ("renewed", "2028-04-10 10:00"),
            ("revoked", "2029-01-15 09:00"),
        ],
        [
            ("pending", "2029-01-15 09:00"),
            ("active", "2029-01-16 07:00"),
            ("revoked", "2029-06-01 12:00"),
        ],
        [("pending", "2029-09-03 10:00"), ("active", "2029-09-04 07:00")],
    ]  # fmt: skip
    assert [g.location for g in history.grants] == ["Lincoln High", "Elm Middle", "Lincoln High"]
    assert "location changed to Elm Middle" in history.grants[0].changes[-1].reason
    assert "left district employment" in history.grants[1].changes[-1].reason
    assert all(c.recorded_at is not None for g in history.grants for c in g.changes)


async def test_an_expiry_not_yet_swept_shows_as_due_in_the_history(
    runtime: Runtime, clock: FixedClock
) -> None:
    for delivered, _what in STORY[:3]:
        await _deliver(runtime, clock, delivered)
    clock.advance_to(at("2028-07-01 09:00"))
    history = await get_access_history(runtime, "E100")
    last = history.grants[-1]
    assert last.status == "expired"
    assert (last.changes[-1].kind, last.changes[-1].recorded_at) == ("expired", None)
    past = await get_access_status(runtime, "E100", as_of=at("2028-07-01 08:00"))
    assert past.status == "expired"  # the sweep has not run; the answer is still true
    await run_sweep(runtime)
    clock.advance_to(at("2028-07-02 09:00"))
    assert await get_access_status(runtime, "E100", as_of=at("2028-07-01 08:00")) == past


async def test_unknown_staff_and_instants_before_history_are_refused(
    runtime: Runtime, clock: FixedClock
) -> None:
    with pytest.raises(NotFound):
        await get_access_status(runtime, "E404", as_of=at("2026-08-01 00:00"))
    # The principal was recorded (Aug 1) before this test's clock; remove their history to
    # stand for staff recorded before history was kept.
    await runtime.driver.execute_query(
        cypher("testing/forget_access_history"),
        employeeId="E-PRINCIPAL",
        database_=runtime.database,
    )
    with pytest.raises(BadInput, match="no access history is kept for E-PRINCIPAL"):
        await get_access_status(runtime, "E-PRINCIPAL", as_of=at("2026-08-15 00:00"))
