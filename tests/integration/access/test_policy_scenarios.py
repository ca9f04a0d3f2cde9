"""DESIGN.md section 3 as tables: a pinned clock, events, sweeps and the expected status,
played against the real database (in the style of OpenFGA / Cerbos policy test files)."""

from __future__ import annotations

import pytest

from graph_service.access.events import EventType
from graph_service.access.policy import Right
from graph_service.clock import FixedClock
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import completions, event, hired
from tests.integration.access.scenarios import Decide, Expect, Scenario, Send, Sweep, play

STEWARD_COURSES = ["FERPA-101", "CENSUS-DATA-301"]
QUIZ = EventType.QUIZ_COMPLETED


def moved(when: str, *, role: str | None = None, location: str | None = None) -> Send:
    if role:
        return Send(when, event(EventType.ROLE_CHANGED, when, role_id=role))
    return Send(when, event(EventType.LOCATION_CHANGED, when, location_id=location))


def certified_office_pro(granted: str = "2026-09-02 07:00") -> list[Send | Sweep]:
    """Hired at Lincoln High on Sep 1 2026, courses the same day, provisioned next morning."""
    return [
        Send("2026-09-01 08:00", hired("2026-09-01 08:00")),
        Send("2026-09-01 14:00", *completions("2026-09-01 13:00")),
        Sweep(granted),
    ]


def certified_teacher() -> list[Send | Sweep]:
    return [
        Send("2026-09-01 08:00", hired("2026-09-01 08:00", role="teacher")),
        Send("2026-09-01 14:00", *completions("2026-09-01 13:00")),
        Send(
            "2026-09-01 15:00",
            event(EventType.APPROVAL_GIVEN, "2026-09-01 15:00", school_id="lincoln"),
        ),
        Sweep("2026-09-02 07:00"),
    ]


SCENARIOS = [
    Scenario(
        "office professional: courses alone grant access, pending then active",
        [
            Send("2026-09-01 08:00", hired("2026-09-01 08:00")),
            Expect(
                "2026-09-01 08:00",
                "none",
                unmet=("course:FERPA-101", "course:CENSUS-HH-201", "course:CENSUS-REL-202"),
            ),
            Send("2026-09-01 14:00", *completions("2026-09-01 13:00")),
            Expect("2026-09-01 14:00", "pending", active_by="2026-09-03"),
            Decide("2026-09-01 14:00", allowed=False),
            Sweep("2026-09-02 07:00"),
            Expect(
                "2026-09-02 07:00",
                "active",
                track="Office Professional",
                rights="RWAD",
                valid_through="2028-06-30",
            ),
            Decide("2026-09-02 07:00", allowed=True, right=Right.DELETE),
        ],
    ),
    Scenario(
        "allowed one second before expiry, denied at the expiry instant",
        [
            *certified_office_pro(),
            Decide("2028-06-30 23:59:59", allowed=True),
            Expect("2028-06-30 23:59:59", "active"),
            Decide("2028-07-01 00:00:00", allowed=False),
            Expect("2028-07-01 00:00:00", "expired", lost="quiz was not completed"),
            Sweep("2028-07-01 00:00:00"),
            Expect("2028-07-01 00:00:01", "expired"),
        ],
    ),
    Scenario(
        "granted on June 30: valid through the end of the next school year",
        [
            *certified_office_pro("2027-06-30 23:00"),
            Expect("2027-06-30 23:00", "active", valid_through="2028-06-30"),
        ],
    ),
    Scenario(
        "granted on July 1: a new school year, so one more year of validity",
        [
            *certified_office_pro("2027-07-01 00:30"),
            Expect("2027-07-01 00:30", "active", valid_through="2029-06-30"),
        ],
    ),
    Scenario(
        "completed on a Friday before a Monday closure: due Wednesday, active Tuesday",
        [
            Send("2027-07-01 08:00", hired("2027-07-01 08:00")),
            Send("2027-07-02 16:00", *completions("2027-07-02 15:30")),
            Expect("2027-07-02 16:00", "pending", active_by="2027-07-07"),
            Sweep("2027-07-06 07:00"),
            Expect("2027-07-06 07:00", "active", valid_through="2029-06-30"),
        ],
    ),
    Scenario(
        "quiz a day before the window opens does not renew; access expires",
        [
            *certified_office_pro(),
            Send("2028-03-31 12:00", event(QUIZ, "2028-03-31 11:00")),
            Expect("2028-06-30 12:00", "active", valid_through="2028-06-30"),
            Sweep("2028-07-01 06:00"),
            Expect("2028-07-01 06:00", "expired"),
        ],
    ),
    Scenario(
        "quiz on the day the window opens renews through June 30 two school years on",
        [
            *certified_office_pro(),
            Send("2028-04-01 09:00", event(QUIZ, "2028-04-01 08:30")),
            Expect("2028-04-01 09:00", "active", valid_through="2030-06-30"),
            Decide("2028-07-01 00:00", allowed=True),
        ],
    ),
    Scenario(
        "quiz taken on June 30 but reported after the sweep expired the grant: reinstated",
        [
            *certified_office_pro(),
            Sweep("2028-07-01 00:00"),
            Expect("2028-07-01 00:00", "expired"),
            Send("2028-07-01 08:00", event(QUIZ, "2028-06-30 23:50")),
            Expect("2028-07-01 08:00", "active", valid_through="2030-06-30"),
            Decide("2028-07-01 08:00", allowed=True),
        ],
    ),
    Scenario(
        "quiz after June 30 does not restore access",
        [
            *certified_office_pro(),
            Send("2028-07-01 09:00", event(QUIZ, "2028-07-01 08:30")),
            Expect("2028-07-01 09:00", "expired"),
        ],
    ),
    Scenario(
        "mover between schools: old grant ends at once, new one follows at the new school",
        [
            *certified_office_pro(),
            moved("2027-01-11 09:00", location="elm"),
            Decide("2027-01-11 09:00", allowed=False),
            Expect("2027-01-11 09:00", "pending", location="Elm Middle"),
            Sweep("2027-01-12 07:00"),
            Expect("2027-01-12 07:00", "active", location="Elm Middle", valid_through="2028-06-30"),
        ],
    ),
    Scenario(
        "mover from office professional to teacher: revoked until the principal approves",
        [
            *certified_office_pro(),
            moved("2027-01-11 09:00", role="teacher"),
            Expect(
                "2027-01-11 09:00",
                "revoked",
                lost="job role changed to Teacher",
                unmet=("approval",),
            ),
            Send(
                "2027-01-12 10:00",
                event(EventType.APPROVAL_GIVEN, "2027-01-12 10:00", school_id="lincoln"),
            ),
            Sweep("2027-01-13 07:00"),
            Expect("2027-01-13 07:00", "active", track="Other school-based roles", rights="RWA"),
            Decide("2027-01-13 07:00", allowed=False, right=Right.DELETE),
        ],
    ),
    Scenario(
        "mover from teacher to office professional: a new grant without approval",
        [
            *certified_teacher(),
            Expect("2026-09-02 07:00", "active", rights="RWA"),
            moved("2027-01-11 09:00", role="office-pro"),
            Expect("2027-01-11 09:00", "pending", track="Office Professional"),
        ],
    ),
    Scenario(
        "mover from a school to an approved central-office team, and on to an unapproved one",
        [
            *certified_office_pro(),
            Send(
                "2027-02-01 09:00",
                event(EventType.ROLE_CHANGED, "2027-02-01 09:00", role_id="analyst"),
            ),
            moved("2027-02-01 09:05", location="enrollment"),
            Sweep("2027-02-02 07:00"),
            Expect(
                "2027-02-02 07:00", "active", track="Central office", location="Enrollment Center"
            ),
            moved("2027-03-01 09:00", location="payroll"),
            Expect(
                "2027-03-01 09:00",
                "revoked",
                lost="location changed to Payroll",
                unmet=("team-approved",),
            ),
        ],
    ),
    Scenario(
        "two moves in the same instant: the replacement grant is the one that counts",
        [
            *certified_office_pro(),
            Send(
                "2027-01-11 09:00",
                event(EventType.LOCATION_CHANGED, "2027-01-11 08:00", location_id="elm"),
                event(EventType.LOCATION_CHANGED, "2027-01-11 08:30", location_id="lincoln"),
            ),
            Expect("2027-01-11 09:00", "pending", location="Lincoln High"),
            Sweep("2027-01-12 07:00"),
            Expect("2027-01-12 07:00", "active", location="Lincoln High"),
        ],
    ),
    Scenario(
        "data stewards: read-only after their own courses",
        [
            Send(
                "2026-09-01 08:00",
                hired("2026-09-01 08:00", role="analyst", location="data-stewards"),
            ),
            Send("2026-09-01 14:00", *completions("2026-09-01 13:00", courses=STEWARD_COURSES)),
            Sweep("2026-09-02 07:00"),
            Expect("2026-09-02 07:00", "active", rights="R"),
            Decide("2026-09-02 07:00", allowed=False, right=Right.WRITE),
        ],
    ),
    Scenario(
        "withdrawn approval revokes a teacher's access",
        [
            *certified_teacher(),
            Send(
                "2026-10-01 09:00",
                event(EventType.APPROVAL_WITHDRAWN, "2026-10-01 09:00", school_id="lincoln"),
            ),
            Expect("2026-10-01 09:00", "revoked", lost="approval for Lincoln High was withdrawn"),
            Decide("2026-10-01 09:00", allowed=False),
        ],
    ),
    Scenario(
        "leaver and rehire: access ends at once and every requirement must be met again",
        [
            *certified_office_pro(),
            Send("2027-02-01 17:00", event(EventType.DEPARTED, "2027-02-01 17:00")),
            Decide("2027-02-01 17:00", allowed=False),
            Expect("2027-02-01 17:00", "revoked", lost="left district employment"),
            Send(
                "2027-08-02 08:00",
                event(
                    EventType.REHIRED,
                    "2027-08-02 08:00",
                    role_id="office-pro",
                    location_id="lincoln",
                ),
            ),
            Sweep("2027-08-03 07:00"),
            Expect(
                "2027-08-03 07:00",
                "revoked",
                unmet=("course:FERPA-101", "course:CENSUS-HH-201", "course:CENSUS-REL-202"),
            ),
            Send("2027-08-03 14:00", *completions("2027-08-03 13:00")),
            Sweep("2027-08-04 07:00"),
            Expect("2027-08-04 07:00", "active", valid_through="2029-06-30"),
        ],
    ),
    Scenario(
        "regain after expiry: a completion dated before the loss does not count",
        [
            *certified_office_pro(),
            Sweep("2028-07-01 06:00"),
            Send(
                "2028-07-02 09:00",
                event(EventType.COURSE_COMPLETED, "2028-06-15 10:00", course_id="FERPA-101"),
            ),
            Expect(
                "2028-07-02 09:00",
                "expired",
                unmet=("course:FERPA-101", "course:CENSUS-HH-201", "course:CENSUS-REL-202"),
            ),
            Send("2028-07-05 14:00", *completions("2028-07-05 13:00")),
            Expect("2028-07-05 14:00", "pending"),
            Sweep("2028-07-06 07:00"),
            Expect("2028-07-06 07:00", "active", valid_through="2030-06-30"),
        ],
    ),
    Scenario(
        "central office team not approved: no grant however many courses",
        [
            Send("2026-09-01 08:00", hired("2026-09-01 08:00", role="analyst", location="payroll")),
            Send("2026-09-01 14:00", *completions("2026-09-01 13:00")),
            Sweep("2026-09-02 07:00"),
            Expect("2026-09-02 07:00", "none", unmet=("team-approved",)),
        ],
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
async def test_policy_scenario(runtime: Runtime, clock: FixedClock, scenario: Scenario) -> None:
    await play(runtime, clock, scenario)
