"""The decision function on the real graph: grant, right, scope and freshness after revocation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph_service.access.events import EventType
from graph_service.access.policy import Right
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.errors import NotFound
from graph_service.services.access_decision import (
    decide,
    load_caller,
    record_access_decision,
)
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.access_status import get_access_status
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at, completions, event, hired, send
from tests.integration.access.helpers import audit_entries

SCHOOL_YEAR = date(2026, 8, 15)


def member(
    person: str, *enrolments: tuple[str, date, date | None], ended: date | None = None
) -> dict[str, Any]:
    return {
        "personId": person,
        "start": SCHOOL_YEAR,
        "end": ended,
        "enrolments": [{"schoolId": s, "start": start, "end": end} for s, start, end in enrolments],
    }


async def make_household(
    runtime: Runtime,
    household_id: str,
    *members: dict[str, Any],
    created_at: str | None = None,
) -> None:
    await runtime.driver.execute_query(
        cypher("access/fixture_household_shape"),
        householdId=household_id,
        createdAtSchoolId=created_at,
        members=list(members),
        database_=runtime.database,
    )


@pytest.fixture
async def district(runtime: Runtime, clock: FixedClock) -> Runtime:
    """A certified office professional at Lincoln (E100), an enrollment-team analyst (E200),
    and households in and out of Lincoln's scope."""
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    await send(
        runtime,
        clock,
        "2026-09-01 08:00",
        hired("2026-09-01 08:00", "E200", "analyst", "enrollment"),
    )
    await send(runtime, clock, "2026-09-01 14:00", *completions("2026-09-01 13:00"))
    await send(runtime, clock, "2026-09-01 14:00", *completions("2026-09-01 13:00", "E200"))
    clock.advance_to(at("2026-09-02 07:00"))
    await run_sweep(runtime)
    lincoln = ("lincoln", SCHOOL_YEAR, None)
    await make_household(runtime, "H-enrolled-lincoln", member("P1", lincoln), member("P2"))
    await make_household(runtime, "H-enrolled-elm", member("P3", ("elm", SCHOOL_YEAR, None)))
    await make_household(runtime, "H-new-at-lincoln", member("P4"), created_at="lincoln")
    await make_household(
        runtime,
        "H-new-at-lincoln-enrolled-elm",
        member("P5", ("elm", SCHOOL_YEAR, None)),
        created_at="lincoln",
    )
    await make_household(
        runtime, "H-left-lincoln", member("P6", ("lincoln", SCHOOL_YEAR, date(2026, 8, 31)))
    )
    await make_household(runtime, "H-moved-out", member("P7", lincoln, ended=date(2026, 8, 31)))
    return runtime


@pytest.mark.parametrize(
    ("household", "allowed"),
    [
        ("H-enrolled-lincoln", True),
        ("H-new-at-lincoln", True),
        ("H-enrolled-elm", False),
        ("H-new-at-lincoln-enrolled-elm", False),
        ("H-left-lincoln", False),
        ("H-moved-out", False),
        ("H-does-not-exist", False),
    ],
)
async def test_school_grant_covers_enrolled_and_newly_created_households(
    district: Runtime, household: str, allowed: bool
) -> None:
    caller = await load_caller(district, "E100")
    decision = await decide(district, caller, Right.WRITE, [household])
    assert decision.allowed is allowed
    assert decision.policy_version == "2026.1"


async def test_central_office_grant_covers_the_district(district: Runtime) -> None:
    caller = await load_caller(district, "E200")
    decision = await decide(
        district, caller, Right.DELETE, ["H-enrolled-elm", "H-enrolled-lincoln"]
    )
    assert decision.allowed


async def test_next_decision_after_a_revocation_commits_is_a_denial(
    district: Runtime, clock: FixedClock
) -> None:
    before = await load_caller(district, "E100")
    assert (await decide(district, before, Right.READ, ["H-enrolled-lincoln"])).allowed
    await send(district, clock, "2026-10-01 09:00", event(EventType.DEPARTED, "2026-10-01 09:00"))
    after = await load_caller(district, "E100")
    decision = await decide(district, after, Right.READ, ["H-enrolled-lincoln"])
    assert not decision.allowed
    assert decision.reason == "not an active staff member"


async def test_mover_is_denied_at_the_old_school_at_once(
    district: Runtime, clock: FixedClock
) -> None:
    await send(
        district,
        clock,
        "2026-10-01 09:00",
        event(EventType.LOCATION_CHANGED, "2026-10-01 09:00", location_id="elm"),
    )
    caller = await load_caller(district, "E100")
    decision = await decide(district, caller, Right.READ, ["H-enrolled-lincoln"])
    assert decision.reason == "no active household access grant"


async def test_unknown_caller_is_denied(district: Runtime) -> None:
    caller = await load_caller(district, "E-NOBODY")
    assert not (await decide(district, caller, Right.READ, [])).allowed


async def test_decisions_are_audited_without_credentials(district: Runtime) -> None:
    caller = await load_caller(district, "E100")
    ids = ["H-enrolled-lincoln", "H-enrolled-elm"]
    decision = await decide(district, caller, Right.READ, ids)
    await record_access_decision(
        district, caller=caller, decision=decision, operation="household", household_ids=ids
    )
    entries = [e for e in await audit_entries(district, "E100") if e["kind"] == "access.decision"]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry["allowed"], entry["deniedIds"], entry["policyVersion"]) == (
        False,
        ["H-enrolled-elm"],
        "2026.1",
    )
    assert not any("token" in key.lower() or "secret" in key.lower() for key in entry)


async def test_status_of_an_unknown_staff_member_is_not_found(district: Runtime) -> None:
    with pytest.raises(NotFound, match='Staff member "E-NOBODY" not found'):
        await get_access_status(district, "E-NOBODY")
