"""The access record's entitlement is the decision at each entry's instant (issue 13): a read
made while the grant was active stays entitled after the person leaves."""

from __future__ import annotations

from graph_service.access.events import EventType
from graph_service.clock import FixedClock
from graph_service.db import audit
from graph_service.db.cypher import cypher
from graph_service.services.access_log import access_log_page
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at, completions, event, hired, send

HOUSEHOLD = "H-LOGGED"


def _read(when: str) -> dict[str, object]:
    """The entry a compiled read of the household by E100 leaves (as services/read_audit.py)."""
    return audit.audit_entry(
        "household.read", at=at(when), actor="E100", employeeId="E100",
        operation="household", objectIds=[HOUSEHOLD], allowed=True, policyVersion="2026.1",
    )  # fmt: skip


async def test_entitlement_is_decided_at_each_entrys_instant(
    runtime: Runtime, clock: FixedClock
) -> None:
    await runtime.driver.execute_query(
        cypher("testing/create_households_at_school"),
        schoolId="lincoln",
        ids=[HOUSEHOLD],
        database_=runtime.database,
    )
    await send(runtime, clock, "2026-09-01 08:00", hired("2026-09-01 08:00"))
    await send(runtime, clock, "2026-09-01 14:00", *completions("2026-09-01 13:00"))
    clock.advance_to(at("2026-09-02 07:00"))
    await run_sweep(runtime)
    await send(runtime, clock, "2026-09-10 09:00", event(EventType.DEPARTED, "2026-09-10 09:00"))
    entries = [_read("2026-09-01 15:00"), _read("2026-09-03 10:00"), _read("2026-09-11 10:00")]
    await audit.append_now(runtime.driver, entries, database=runtime.database)

    page = await access_log_page(runtime, kind="Household", subject_id=HOUSEHOLD)
    assert [(e.entitled, e.entitlement) for e in page.items] == [
        (False, "no active household access grant"),  # pending: not yet active
        (True, "within the Lincoln High grant's scope"),
        (False, "not an active staff member"),
    ]
    between = await access_log_page(
        runtime,
        kind="Household",
        subject_id=HOUSEHOLD,
        start=at("2026-09-02 00:00"),
        end=at("2026-09-11 10:00"),  # exclusive
    )
    assert [e.entry_id for e in between.items] == [entries[1]["id"]]
    first = await access_log_page(runtime, kind="Household", subject_id=HOUSEHOLD, first=2)
    assert first.next_cursor is not None
    rest = await access_log_page(
        runtime, kind="Household", subject_id=HOUSEHOLD, after=first.next_cursor
    )
    assert [e.entry_id for e in first.items + rest.items] == [str(e["id"]) for e in entries]
    assert rest.next_cursor is None


async def test_an_append_sent_again_writes_each_entry_once(runtime: Runtime) -> None:
    """A batch whose commit answer was lost is sent again with later entries: the entries
    already recorded stay as they were, the new ones are written, none twice."""
    first = [_read("2026-09-01 15:00"), _read("2026-09-01 16:00")]
    later = _read("2026-09-01 17:00")
    await audit.append_now(runtime.driver, first, database=runtime.database)
    changed = {**first[0], "operation": "tampered"}
    await audit.append_now(runtime.driver, [changed, first[1], later], database=runtime.database)

    ours = {entry["id"] for entry in [*first, later]}
    listed = await audit.list_entries(runtime.driver, database=runtime.database)
    written = [entry for entry in listed if entry["id"] in ours]
    assert sorted(str(entry["id"]) for entry in written) == sorted(str(i) for i in ours)
    assert next(e for e in written if e["id"] == first[0]["id"])["operation"] == "household"
