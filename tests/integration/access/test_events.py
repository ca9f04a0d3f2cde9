"""Feed events against the real database: stored once, applied in one transaction, audited."""

from __future__ import annotations

import pytest
from neo4j import AsyncDriver

from graph_service.access.events import EventType
from graph_service.access.facts import GrantStatus
from graph_service.clock import FixedClock
from graph_service.errors import BadInput
from graph_service.services.access_events import record_event
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at, completions, event, hired, send
from tests.integration.access.helpers import audit_entries, count_nodes, latest_grant


async def test_hire_and_courses_make_a_pending_grant(runtime: Runtime, clock: FixedClock) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    outcomes = await send(runtime, clock, "2026-09-01 10:00", *completions("2026-09-01 09:30"))
    assert [t.to_status for t in outcomes[-1].transitions] == [GrantStatus.PENDING]
    grant = await latest_grant(runtime, "E100")
    assert grant is not None
    assert grant.status is GrantStatus.PENDING
    assert grant.location_id == "lincoln"
    assert grant.policy_version == runtime.policy.version


async def test_replaying_an_event_changes_nothing(runtime: Runtime, clock: FixedClock) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    first = await send(runtime, clock, "2026-09-01 10:00", *completions("2026-09-01 09:30"))
    before = await count_nodes(runtime)
    again = await send(runtime, clock, "2026-09-01 11:00", *completions("2026-09-01 09:30"))
    assert all(not o.duplicate for o in first)
    assert all(o.duplicate for o in again)
    assert await count_nodes(runtime) == before


async def test_feed_keys_make_events_idempotent(runtime: Runtime, clock: FixedClock) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    keyed = event(
        EventType.COURSE_COMPLETED, "2026-09-01 09:30", course_id="FERPA-101", key="lms-42"
    )
    retried = keyed.model_copy(update={"occurred_at": keyed.occurred_at.replace(minute=31)})
    outcomes = await send(runtime, clock, "2026-09-01 10:00", keyed, retried)
    assert [o.duplicate for o in outcomes] == [False, True]


async def test_event_for_unknown_staff_is_refused_and_changes_nothing(
    runtime: Runtime, clock: FixedClock
) -> None:
    before = await count_nodes(runtime)
    with pytest.raises(BadInput, match=r'employeeId: no staff member "E404"'):
        await send(runtime, clock, "2026-09-01 10:00", *completions("2026-09-01 09:30", "E404")[:1])
    after = await count_nodes(runtime)
    assert after.pop("AuditEvent") == before.pop("AuditEvent", 0) + 1
    assert after == before
    [rejected] = await audit_entries(runtime, "E404")
    assert (rejected["kind"], rejected["eventType"]) == ("event.rejected", "course-completed")
    assert rejected["reason"].startswith('employeeId: no staff member "E404"')


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            event(EventType.COURSE_COMPLETED, "2026-09-01 09:00", course_id="KNITTING"),
            r'courseId: "KNITTING"',
        ),
        (
            event(EventType.COURSE_COMPLETED, "2026-09-09 09:00", course_id="FERPA-101"),
            r"occurredAt: .* future",
        ),
        (
            event(
                EventType.APPROVAL_GIVEN,
                "2026-09-01 09:00",
                school_id="lincoln",
                approver_role="coach",
            ),
            r"approverRole",
        ),
        (
            event(EventType.ROLE_CHANGED, "2026-09-01 09:00", role_id="astronaut"),
            r'roleId: no job role "astronaut"',
        ),
        (
            event(EventType.LOCATION_CHANGED, "2026-09-01 09:00", location_id="mars"),
            r'locationId: no school or central-office team "mars"',
        ),
    ],
)
async def test_invalid_events_are_refused_with_the_field(
    runtime: Runtime, clock: FixedClock, bad: object, message: str
) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    clock.advance_to(at("2026-09-01 10:00"))
    before = await count_nodes(runtime)
    with pytest.raises(BadInput, match=message):
        await record_event(runtime, bad)  # type: ignore[arg-type]  # parametrized events
    after = await count_nodes(runtime)
    assert after.pop("AuditEvent") == before.pop("AuditEvent") + 1  # the rejection, audited
    assert after == before


async def test_every_event_and_transition_is_audited(
    runtime: Runtime, clock: FixedClock, db: AsyncDriver
) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    await send(runtime, clock, "2026-09-01 10:00", *completions("2026-09-01 09:30"))
    entries = await audit_entries(runtime, "E100")
    received = [e for e in entries if e["kind"] == "event.received"]
    transitions = [e for e in entries if e["kind"] == "grant.transition"]
    assert len(received) == 4
    assert [(t["toStatus"], t["policyVersion"]) for t in transitions] == [("pending", "2026.1")]
    assert transitions[0]["reason"].startswith("requirements met: Office Professional")


@pytest.mark.parametrize(
    ("approver", "school", "message"),
    [
        ("E-PRINCIPAL", "elm", '"E-PRINCIPAL" is not a current principal of "elm"'),
        ("E100", "lincoln", '"E100" is not a current principal of "lincoln"'),
        ("E-GHOST", "lincoln", '"E-GHOST" is not a current principal of "lincoln"'),
    ],
)
async def test_principal_approval_must_come_from_that_schools_principal(
    runtime: Runtime, clock: FixedClock, approver: str, school: str, message: str
) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00", role="teacher"))
    approval = event(
        EventType.APPROVAL_GIVEN, "2026-09-01 09:00", school_id=school, approver_id=approver
    )
    with pytest.raises(BadInput, match=message):
        await send(runtime, clock, "2026-09-01 10:00", approval)


async def test_access_administrator_approval_is_not_checked_against_schools(
    runtime: Runtime, clock: FixedClock
) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00", role="teacher"))
    approval = event(
        EventType.APPROVAL_GIVEN,
        "2026-09-01 09:00",
        school_id="lincoln",
        approver_id="E-TECH-1",
        approver_role="access-administrator",
    )
    [outcome] = await send(runtime, clock, "2026-09-01 10:00", approval)
    assert not outcome.duplicate


@pytest.mark.parametrize(
    ("departed_first", "kind", "fields", "message"),
    [
        (True, EventType.ROLE_CHANGED, {"role_id": "teacher"}, "E100 has left the district"),
        (True, EventType.DEPARTED, {}, "E100 has left the district"),
        (False, EventType.REHIRED, {"role_id": "teacher", "location_id": "elm"}, "still employed"),
    ],
)
async def test_hr_events_must_fit_employment(
    runtime: Runtime,
    clock: FixedClock,
    departed_first: bool,
    kind: EventType,
    fields: dict[str, str],
    message: str,
) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    if departed_first:
        await send(
            runtime, clock, "2026-09-02 08:00", event(EventType.DEPARTED, "2026-09-02 08:00")
        )
    with pytest.raises(BadInput, match=message):
        await send(runtime, clock, "2026-09-03 08:00", event(kind, "2026-09-03 08:00", **fields))


async def test_rehire_of_someone_never_hired_is_refused(
    runtime: Runtime, clock: FixedClock
) -> None:
    rehire = event(
        EventType.REHIRED, "2026-09-03 08:00", "E-NEW", role_id="teacher", location_id="elm"
    )
    with pytest.raises(BadInput, match='no staff member "E-NEW"'):
        await send(runtime, clock, "2026-09-03 08:00", rehire)


async def test_an_hr_change_older_than_the_last_one_is_refused(
    runtime: Runtime, clock: FixedClock
) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    moved = event(EventType.LOCATION_CHANGED, "2026-10-01 08:00", location_id="elm")
    await send(runtime, clock, "2026-10-01 09:00", moved)
    stale = event(EventType.ROLE_CHANGED, "2026-09-15 08:00", role_id="teacher")
    with pytest.raises(BadInput, match="HR events must arrive in date order"):
        await send(runtime, clock, "2026-10-02 09:00", stale)
    # Learning-system events are not HR history: an older completion is still welcome.
    await send(runtime, clock, "2026-10-02 09:00", *completions("2026-09-20 10:00"))
