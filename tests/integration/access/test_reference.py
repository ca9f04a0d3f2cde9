"""Reference data changes re-decide access for the people they touch, in the same transaction."""

from __future__ import annotations

from graph_service.access.facts import GrantStatus
from graph_service.access.policy import Right
from graph_service.clock import FixedClock
from graph_service.db.staff import CentralOfficeTeam, ReferenceData
from graph_service.services.access_decision import decide, load_caller
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.access_reference import load_reference_data
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at, completions, hired, send
from tests.integration.access.helpers import audit_entries, latest_grant


def enrollment_team(*, approved: bool) -> ReferenceData:
    return ReferenceData(
        teams=[
            CentralOfficeTeam(
                id="enrollment", name="Enrollment Center", approved_for_household_access=approved
            )
        ]
    )


async def test_withdrawing_team_approval_revokes_its_grants_at_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    await send(
        runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00", "E5", "analyst", "enrollment")
    )
    await send(runtime, clock, "2026-09-01 14:00", *completions("2026-09-01 13:00", "E5"))
    clock.advance_to(at("2026-09-02 07:00"))
    await run_sweep(runtime)
    clock.advance_to(at("2026-10-01 09:00"))
    changes = await load_reference_data(runtime, enrollment_team(approved=False), actor="E-ADMIN")
    assert [t.reason for t in changes["E5"]] == [
        "revoked: team Enrollment Center is no longer approved"
    ]
    caller = await load_caller(runtime, "E5")
    assert not (await decide(runtime, caller, Right.READ, [])).allowed


async def test_approving_a_team_grants_members_who_meet_its_courses(
    runtime: Runtime, clock: FixedClock
) -> None:
    await load_reference_data(runtime, enrollment_team(approved=False), actor="E-ADMIN")
    await send(
        runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00", "E5", "analyst", "enrollment")
    )
    await send(runtime, clock, "2026-09-01 14:00", *completions("2026-09-01 13:00", "E5"))
    assert await latest_grant(runtime, "E5") is None
    clock.advance_to(at("2026-09-03 09:00"))
    await load_reference_data(runtime, enrollment_team(approved=True), actor="E-ADMIN")
    grant = await latest_grant(runtime, "E5")
    assert grant is not None
    assert grant.status is GrantStatus.PENDING


async def test_reference_changes_are_audited(runtime: Runtime) -> None:
    await load_reference_data(runtime, enrollment_team(approved=False), actor="E-ADMIN")
    # The fixture's own load shares this instant, so the entries are told apart by actor.
    entries = [
        e
        for e in await audit_entries(runtime)
        if e["kind"] == "reference.saved" and e["actor"] == "E-ADMIN"
    ]
    assert entries[-1]["teamIds"] == ["enrollment"]
    assert "approvedTeamIds" not in entries[-1] or entries[-1]["approvedTeamIds"] == []
