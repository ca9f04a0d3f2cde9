"""Events racing each other: replays collapse to one, and one person's events serialize."""

from __future__ import annotations

import asyncio

from graph_service.access.events import EventType
from graph_service.access.facts import GrantStatus
from graph_service.clock import FixedClock
from graph_service.services.access_events import record_event
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at, completions, event, hired, send
from tests.integration.access.helpers import count_nodes, latest_grant


async def test_the_same_event_delivered_twice_at_once_is_applied_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    clock.advance_to(at("2026-09-01 10:00"))
    course = completions("2026-09-01 09:30")[0]
    outcomes = await asyncio.gather(*(record_event(runtime, course) for _ in range(5)))
    assert sorted(o.duplicate for o in outcomes) == [False, True, True, True, True]
    before = 2  # the fixture principal's hire and this hire
    assert (await count_nodes(runtime))["AccessEvent"] == before + 1


async def test_one_persons_events_at_once_leave_one_consistent_grant(
    runtime: Runtime, clock: FixedClock
) -> None:
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    clock.advance_to(at("2026-09-01 10:00"))
    racing = [
        *completions("2026-09-01 09:30"),
        event(EventType.LOCATION_CHANGED, "2026-09-01 09:40", location_id="elm"),
    ]
    outcomes = await asyncio.gather(*(record_event(runtime, e) for e in racing))
    assert not any(o.duplicate for o in outcomes)
    grant = await latest_grant(runtime, "E100")
    assert grant is not None
    assert grant.status is GrantStatus.PENDING
    assert grant.location_id == "elm"  # whatever the order, the grant follows the last move
    live = [t for o in outcomes for t in o.transitions if t.to_status is GrantStatus.PENDING]
    revoked = [t for o in outcomes for t in o.transitions if t.to_status is GrantStatus.REVOKED]
    assert len(live) - len(revoked) == 1
