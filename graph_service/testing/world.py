"""A small district with staff in every access state and a few households: what API tests
(ours and other teams', through the pytest plugin) and demos need to try each access path.

Everything is built through the real use cases at pinned instants, so the grants are what
the engine decided, not hand-written nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from graph_service.access.events import AccessEventIn, EventType
from graph_service.access.facts import RoleCategory
from graph_service.clock import FixedClock
from graph_service.db.staff import CentralOfficeTeam, JobRole, ReferenceData, School
from graph_service.services import enrollments, households, people, relationships
from graph_service.services.access_events import record_event
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.access_reference import load_reference_data
from graph_service.services.context import UseCaseContext
from graph_service.services.runtime import Runtime
from graph_service.testing.use_cases import submit

ZONE = ZoneInfo("America/Chicago")
NOW = datetime(2026, 9, 15, 10, 0, tzinfo=ZONE)
TODAY = NOW.date()
COURSES = ["FERPA-101", "CENSUS-HH-201", "CENSUS-REL-202"]
STEWARD_COURSES = ["FERPA-101", "CENSUS-DATA-301"]

REFERENCE = ReferenceData(
    roles=[
        JobRole(
            id="office-pro",
            name="Attendance clerk",
            category=RoleCategory.SCHOOL_BASED,
            office_professional=True,
        ),
        JobRole(id="teacher", name="Teacher", category=RoleCategory.SCHOOL_BASED),
        JobRole(id="principal", name="Principal", category=RoleCategory.SCHOOL_BASED),
        JobRole(id="analyst", name="Analyst", category=RoleCategory.CENTRAL_OFFICE),
    ],
    schools=[School(id="lincoln", name="Lincoln High"), School(id="elm", name="Elm Middle")],
    teams=[
        CentralOfficeTeam(
            id="enrollment", name="Enrollment Center", approved_for_household_access=True
        ),
        CentralOfficeTeam(
            id="data-stewards", name="Data Stewards", approved_for_household_access=True
        ),
        CentralOfficeTeam(id="payroll", name="Payroll", approved_for_household_access=False),
    ],
)

# One staff member per access state, by what they can be used to try.
STAFF = {
    "lincoln_office": "E-LINCOLN-OFFICE",  # active at Lincoln, all rights
    "elm_office": "E-ELM-OFFICE",  # active at Elm (another school)
    "lincoln_teacher": "E-LINCOLN-TEACHER",  # active at Lincoln without Delete (approved)
    "district": "E-DISTRICT",  # central office, district-wide, all rights
    "steward": "E-STEWARD",  # data stewards: district-wide, read-only
    "pending": "E-PENDING",  # requirements met an hour ago: pending
    "expired": "E-EXPIRED",  # granted 2024-25, never took the quiz: expired
    "revoked": "E-REVOKED",  # moved to payroll: revoked
    "departed": "E-DEPARTED",  # left the district
    "no_grant": "E-NO-GRANT",  # hired, no courses yet
}


@dataclass
class World:
    """Ids of what was built, by role in the story."""

    staff: dict[str, str] = field(default_factory=lambda: dict(STAFF))
    households: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)


def _event(kind: EventType, when: datetime, employee: str, **fields: Any) -> AccessEventIn:
    source = "lms" if "completed" in kind.value else "hr"
    if kind is EventType.APPROVAL_GIVEN:
        source = "principal-portal"
    return AccessEventIn(type=kind, employee_id=employee, source=source, occurred_at=when, **fields)


async def _at(runtime: Runtime, clock: FixedClock, when: datetime, *events: AccessEventIn) -> None:
    clock.advance_to(when)
    for event in events:
        await record_event(runtime, event)


async def _hire(
    runtime: Runtime, clock: FixedClock, when: datetime, employee: str, role: str, where: str
) -> None:
    await _at(
        runtime,
        clock,
        when,
        _event(
            EventType.HIRED,
            when,
            employee,
            name=f"Staff {employee}",
            email=f"{employee.lower()}@example-district.org",
            role_id=role,
            location_id=where,
        ),
    )


async def _complete(
    runtime: Runtime, clock: FixedClock, when: datetime, employee: str, courses: list[str]
) -> None:
    events = [_event(EventType.COURSE_COMPLETED, when, employee, course_id=c) for c in courses]
    await _at(runtime, clock, when, *events)


async def _sweep(runtime: Runtime, clock: FixedClock, when: datetime) -> None:
    clock.advance_to(when)
    await run_sweep(runtime)


def _local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


async def build_staff(runtime: Runtime, clock: FixedClock) -> None:
    """Reference data and every staff member of STAFF, ending with the clock at NOW."""
    clock.advance_to(_local("2024-07-15 08:00"))
    await load_reference_data(runtime, REFERENCE, actor="world")
    await _hire(runtime, clock, _local("2024-07-15 08:00"), "E-PRINCIPAL", "principal", "lincoln")

    # Granted in the 2024-25 school year, valid through June 30 2026, never recertified.
    await _hire(
        runtime, clock, _local("2024-08-01 08:00"), STAFF["expired"], "office-pro", "lincoln"
    )
    await _complete(runtime, clock, _local("2024-08-05 09:00"), STAFF["expired"], COURSES)
    await _sweep(runtime, clock, _local("2024-08-06 09:00"))

    start = _local("2026-08-03 08:00")
    for key, role, where in [
        ("lincoln_office", "office-pro", "lincoln"),
        ("elm_office", "office-pro", "elm"),
        ("lincoln_teacher", "teacher", "lincoln"),
        ("district", "analyst", "enrollment"),
        ("steward", "analyst", "data-stewards"),
        ("revoked", "office-pro", "lincoln"),
        ("departed", "office-pro", "lincoln"),
        ("pending", "office-pro", "lincoln"),
        ("no_grant", "office-pro", "lincoln"),
    ]:
        await _hire(runtime, clock, start, STAFF[key], role, where)
    done = _local("2026-08-10 09:00")
    for key in [
        "lincoln_office",
        "elm_office",
        "lincoln_teacher",
        "district",
        "revoked",
        "departed",
    ]:
        await _complete(runtime, clock, done, STAFF[key], COURSES)
    await _complete(runtime, clock, done, STAFF["steward"], STEWARD_COURSES)
    await _at(
        runtime,
        clock,
        _local("2026-08-11 09:00"),
        _event(
            EventType.APPROVAL_GIVEN,
            _local("2026-08-11 09:00"),
            STAFF["lincoln_teacher"],
            school_id="lincoln",
            approver_id="E-PRINCIPAL",
            approver_role="principal",
        ),
    )
    await _sweep(runtime, clock, _local("2026-08-12 09:00"))

    moved = _local("2026-09-01 09:00")
    await _at(
        runtime,
        clock,
        moved,
        _event(EventType.LOCATION_CHANGED, moved, STAFF["revoked"], location_id="payroll"),
        _event(EventType.DEPARTED, moved, STAFF["departed"]),
    )
    await _sweep(runtime, clock, _local("2026-09-14 09:00"))  # expires the 2024 grant
    await _complete(runtime, clock, _local("2026-09-15 09:00"), STAFF["pending"], COURSES)
    clock.advance_to(NOW)


async def build_households(ctx: UseCaseContext, world: World) -> None:
    """Two families at Lincoln and one at Elm, with a father who lives in the Elm household
    and is related to a Lincoln student (a non-household relationship)."""
    start = date(2025, 8, 1)

    async def person(key: str, first: str, last: str, born: str, **extra: Any) -> str:
        created = await submit(
            people.create_person,
            ctx,
            {"first_name": first, "last_name": last, "birth_date": born, **extra},
        )
        world.people[key] = created.id
        return created.id

    ana = await person("lincoln_student", "Ana", "Rivera", "2011-03-02", student_number="S1001")
    maria = await person("lincoln_mother", "Maria", "Rivera", "1984-06-11")
    jose = await person("elm_father", "Jose", "Rivera", "1982-01-20")
    leo = await person("elm_student", "Leo", "Rivera", "2013-09-09", student_number="S2001")
    kim = await person("lincoln_student_2", "Kim", "Park", "2010-05-05", student_number="S1002")

    address = {
        "number": "12",
        "street": "Main",
        "tag": "St",
        "city": "Springfield",
        "state": "IL",
        "zip": "62701",
    }
    lincoln = await submit(
        households.create_household,
        ctx,
        {
            "name": "Rivera (Main St)",
            "start_date": start,
            "address": {"address": address},
            "phone": {"number": "+1 217 555 0101", "type": "home"},
            "members": [{"person_id": ana}, {"person_id": maria}],
        },
    )
    elm = await submit(
        households.create_household,
        ctx,
        {
            "name": "Rivera (Oak Ave)",
            "start_date": start,
            "address": {"address": {**address, "number": "40", "street": "Oak", "tag": "Ave"}},
            "members": [{"person_id": jose}, {"person_id": leo}],
        },
    )
    park = await submit(
        households.create_household,
        ctx,
        {"name": "Park", "start_date": start, "members": [{"person_id": kim}]},
    )
    world.households.update(lincoln=lincoln.id, elm=elm.id, park=park.id)
    for student, school in ((ana, "lincoln"), (kim, "lincoln"), (leo, "elm")):
        await submit(
            enrollments.enrol_person,
            ctx,
            {"person_id": student, "school_id": school, "grade": "09", "start_date": start},
        )
    for parent, kind in ((maria, "Mother"), (jose, "Father")):
        await submit(
            relationships.set_relationship,
            ctx,
            {
                "person_id": parent,
                "related_person_id": ana,
                "type": kind,
                "guardian": True,
                "start_date": start,
            },
        )
    await submit(
        relationships.set_relationship,
        ctx,
        {"person_id": jose, "related_person_id": leo, "type": "Father", "guardian": True,
         "start_date": start},
    )  # fmt: skip


async def build_world(runtime: Runtime, clock: FixedClock) -> World:
    """The whole story on an empty, migrated database; the clock ends at NOW."""
    world = World()
    await build_staff(runtime, clock)
    ctx = UseCaseContext(runtime=replace(runtime, clock=clock), actor_id="world")
    await build_households(ctx, world)
    return world
