"""The demo staff and the story that puts each in an access state: hires, course completions,
an approval, a move and a departure, with provisioning sweeps between, all dated relative to
the instant the district is built "as of". The access engine decides every grant when the
story is replayed through the real services; nothing here writes a grant.

At the anchor instant: active (office professionals, an approved teacher, the district and
data-steward teams), quiz_due (granted last school year: recertification is due this June 30;
the window is open from April 1), expired (granted two school years ago, never recertified),
pending (courses finished an hour ago), revoked (moved to a team without household access),
departed (left the district) and no_grant (hired, no courses).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from graph_service.access.events import AccessEventIn, EventType
from graph_service.access.facts import RoleCategory
from graph_service.db.staff import CentralOfficeTeam, JobRole, ReferenceData, School
from seeds.district import Row, StaffStep, StaffStory

COURSES = ("FERPA-101", "CENSUS-HH-201", "CENSUS-REL-202")
STEWARD_COURSES = ("FERPA-101", "CENSUS-DATA-301")
MAX_SCHOOL_OFFICES = 12  # office staff at the first schools; staff stay in the tens

ROLES = [
    JobRole(id="office-pro", name="Attendance clerk", category=RoleCategory.SCHOOL_BASED,
            office_professional=True),
    JobRole(id="registrar", name="Registrar", category=RoleCategory.SCHOOL_BASED,
            office_professional=True),
    JobRole(id="teacher", name="Teacher", category=RoleCategory.SCHOOL_BASED),
    JobRole(id="counselor", name="Counselor", category=RoleCategory.SCHOOL_BASED),
    JobRole(id="principal", name="Principal", category=RoleCategory.SCHOOL_BASED),
    JobRole(id="assistant-principal", name="Assistant principal",
            category=RoleCategory.SCHOOL_BASED),
    JobRole(id="analyst", name="Analyst", category=RoleCategory.CENTRAL_OFFICE),
]  # fmt: skip
TEAMS = [
    CentralOfficeTeam(
        id="enrollment", name="Enrollment Center", approved_for_household_access=True
    ),
    CentralOfficeTeam(id="data-stewards", name="Data Stewards", approved_for_household_access=True),
    CentralOfficeTeam(id="payroll", name="Payroll", approved_for_household_access=False),
    CentralOfficeTeam(
        id="transportation", name="Transportation", approved_for_household_access=False
    ),
]

# employee id -> (name, state at the anchor)
DEMO_STAFF = {
    "E-OFFICE": ("Dana Whitfield", "active"),
    "E-TEACHER": ("Marcus Bell", "active_teacher"),
    "E-DISTRICT": ("Priya Raman", "district"),
    "E-STEWARD": ("Helen Okoro", "steward"),
    "E-QUIZ-DUE": ("Tom Becker", "quiz_due"),
    "E-EXPIRED": ("Rosa Delgado", "expired"),
    "E-PENDING": ("Kevin Liu", "pending"),
    "E-REVOKED": ("Alicia Moreno", "revoked"),
    "E-DEPARTED": ("Grant Fischer", "departed"),
    "E-NO-GRANT": ("Nina Kowalski", "no_grant"),
}
PRINCIPAL = "E-PRINCIPAL"


def _event(kind: EventType, at: datetime, employee: str, **fields: Any) -> AccessEventIn:
    source = {"course-completed": "lms", "approval-given": "principal-portal"}.get(kind, "hr")
    return AccessEventIn(type=kind, employee_id=employee, source=source, occurred_at=at, **fields)


def _hire(at: datetime, employee: str, name: str, role: str, where: str) -> AccessEventIn:
    email = f"{employee.lower()}@example-district.org"
    return _event(EventType.HIRED, at, employee, name=name, email=email, role_id=role,
                  location_id=where)  # fmt: skip


def _courses(
    at: datetime, employee: str, courses: tuple[str, ...] = COURSES
) -> list[AccessEventIn]:
    return [_event(EventType.COURSE_COMPLETED, at, employee, course_id=c) for c in courses]


def staff_story(anchor: datetime, schools: list[Row], zone: ZoneInfo) -> StaffStory:
    """The story ending at `anchor`; the first school is the demo staff's school."""
    local = anchor.astimezone(zone)
    year = local.year if local.month >= 7 else local.year - 1  # current school year starts

    def on(y: int, month: int, day: int, hour: int = 8) -> datetime:
        return datetime(y, month, day, hour, tzinfo=zone)

    home, second = schools[0]["id"], schools[min(1, len(schools) - 1)]["id"]
    offices = [
        (f"E-OFFICE-{n:02d}", f"Office Staff {n:02d}", school["id"])
        for n, school in enumerate(schools[1:MAX_SCHOOL_OFFICES], start=2)
    ]
    recent = local - timedelta(days=40)
    names = {employee: name for employee, (name, _) in DEMO_STAFF.items()}
    steps = [
        StaffStep(
            on(year - 2, 9, 1),
            (_hire(on(year - 2, 9, 1), PRINCIPAL, "Irene Castle", "principal", home),),
        ),
        # Granted two school years ago and never recertified: expired last June 30.
        StaffStep(
            on(year - 2, 9, 14),
            (_hire(on(year - 2, 9, 14), "E-EXPIRED", names["E-EXPIRED"], "office-pro", home),),
        ),
        StaffStep(on(year - 2, 9, 15), tuple(_courses(on(year - 2, 9, 15), "E-EXPIRED"))),
        StaffStep(on(year - 2, 9, 21), sweep=True),
        # Granted last school year: valid through this June 30, the quiz is due by then.
        StaffStep(
            on(year - 1, 9, 14),
            (_hire(on(year - 1, 9, 14), "E-QUIZ-DUE", names["E-QUIZ-DUE"], "registrar", second),),
        ),
        StaffStep(on(year - 1, 9, 15), tuple(_courses(on(year - 1, 9, 15), "E-QUIZ-DUE"))),
        StaffStep(on(year - 1, 9, 21), sweep=True),
    ]
    hires = [
        ("E-OFFICE", "office-pro", home), ("E-TEACHER", "teacher", home),
        ("E-DISTRICT", "analyst", "enrollment"), ("E-STEWARD", "analyst", "data-stewards"),
        ("E-PENDING", "office-pro", home), ("E-REVOKED", "office-pro", home),
        ("E-DEPARTED", "office-pro", home), ("E-NO-GRANT", "office-pro", home),
    ]  # fmt: skip
    steps.append(
        StaffStep(
            recent,
            tuple(_hire(recent, e, names[e], role, where) for e, role, where in hires)
            + tuple(_hire(recent, e, name, "office-pro", where) for e, name, where in offices),
        )
    )
    done = recent + timedelta(days=5)
    completing = ["E-OFFICE", "E-TEACHER", "E-DISTRICT", "E-REVOKED", "E-DEPARTED"]
    completing += [employee for employee, _, _ in offices]
    steps.append(
        StaffStep(
            done,
            tuple(e for employee in completing for e in _courses(done, employee))
            + tuple(_courses(done, "E-STEWARD", STEWARD_COURSES)),
        )
    )
    approved = done + timedelta(days=1)
    steps.append(
        StaffStep(
            approved,
            (_event(EventType.APPROVAL_GIVEN, approved, "E-TEACHER", school_id=home,
                    approver_id=PRINCIPAL, approver_role="principal"),),
        )
    )  # fmt: skip
    steps.append(StaffStep(done + timedelta(days=10), sweep=True))
    moved = local - timedelta(days=10)
    steps.append(
        StaffStep(
            moved,
            (_event(EventType.LOCATION_CHANGED, moved, "E-REVOKED", location_id="payroll"),
             _event(EventType.DEPARTED, moved, "E-DEPARTED")),
        )
    )  # fmt: skip
    steps.append(StaffStep(local - timedelta(hours=2), sweep=True))  # records last June's expiry
    pending = local - timedelta(hours=1)
    steps.append(StaffStep(pending, tuple(_courses(pending, "E-PENDING"))))
    reference = ReferenceData(
        roles=ROLES, teams=TEAMS, schools=[School(id=s["id"], name=s["name"]) for s in schools]
    )
    by_state = {state: employee for employee, (_, state) in DEMO_STAFF.items()}
    return StaffStory(reference=reference, steps=steps, by_state=by_state)
