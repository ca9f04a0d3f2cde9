"""Fixtures for the access integration tests: a pinned clock, the shipped policy, reference
data (roles, schools, teams) and builders for feed events."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from neo4j import AsyncDriver

from graph_service.access.events import AccessEventIn, EventType
from graph_service.access.policy import Policy, load_policy
from graph_service.clock import FixedClock
from graph_service.services.access_events import EventOutcome, record_event
from graph_service.services.access_reference import load_reference_data
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings
from graph_service.testing.world import REFERENCE

ZONE = ZoneInfo("America/Chicago")
OFFICE_COURSES = ["FERPA-101", "CENSUS-HH-201", "CENSUS-REL-202"]


def at(text: str) -> datetime:
    """A district-local instant from 'YYYY-MM-DD HH:MM[:SS]'."""
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


def event(kind: EventType | str, when: str, employee: str = "E100", **fields: Any) -> AccessEventIn:
    """A feed event; the source defaults to the feed that sends that kind of event."""
    kind = EventType(kind)
    source = "lms" if "completed" in kind.value else "hr"
    if kind in (EventType.APPROVAL_GIVEN, EventType.APPROVAL_WITHDRAWN):
        source = "principal-portal"
        fields = {"approver_id": "E-PRINCIPAL", "approver_role": "principal", **fields}
    return AccessEventIn(
        type=kind, employee_id=employee, source=source, occurred_at=at(when), **fields
    )


def hired(
    when: str, employee: str = "E100", role: str = "office-pro", location: str = "lincoln"
) -> AccessEventIn:
    return event(
        EventType.HIRED,
        when,
        employee,
        name=f"Staff {employee}",
        email=f"{employee.lower()}@example-district.org",
        role_id=role,
        location_id=location,
    )


def completions(
    when: str, employee: str = "E100", courses: list[str] | None = None
) -> list[AccessEventIn]:
    return [
        event(EventType.COURSE_COMPLETED, when, employee, course_id=course)
        for course in courses or OFFICE_COURSES
    ]


# The same reference data as the API tests' world: two schools, three teams, four roles.
DISTRICT = REFERENCE


@pytest.fixture
def policy() -> Policy:
    return load_policy()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(at("2026-09-01 08:00"))


@pytest.fixture
async def runtime(
    db: AsyncDriver, settings: Settings, policy: Policy, clock: FixedClock
) -> Runtime:
    """An access runtime on a wiped database holding the district's reference data."""
    runtime = Runtime(driver=db, database=settings.neo4j_database, policy=policy, clock=clock)
    await load_reference_data(runtime, DISTRICT, actor="test")
    # Lincoln's principal, who gives the approvals in these tests.
    await send(
        runtime, clock, "2026-08-01 08:00", hired("2026-08-01 08:00", "E-PRINCIPAL", "principal")
    )
    clock.advance_to(at("2026-09-01 08:00"))
    return runtime


async def send(
    runtime: Runtime, clock: FixedClock, when: str, *events: AccessEventIn
) -> list[EventOutcome]:
    """Deliver events with the clock pinned at `when`."""
    clock.advance_to(at(when))
    return [await record_event(runtime, e) for e in events]


# A staff member hired and through their courses (the CLI tests' starting point).
@pytest.fixture
async def certified(runtime: Runtime, clock: FixedClock) -> Runtime:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    await send(runtime, clock, "2026-09-01 14:00", *completions("2026-09-01 13:00"))
    return runtime


# The CLI reads its database from the environment, as an operator's shell sets it.
@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> CliRunner:
    monkeypatch.setenv("NEO4J_URI", settings.bolt_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.neo4j_password.get_secret_value())
    monkeypatch.setenv("NEO4J_DATABASE", settings.neo4j_database)
    monkeypatch.delenv("GRAPH_SERVICE_PINNED_CLOCK", raising=False)
    return CliRunner()
