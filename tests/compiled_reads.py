"""Tests call the API's compiled reads (services/compiled_reads.py) as a staff member whose
active grant the test gives them: the same statements the API runs, without HTTP."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from neo4j import AsyncDriver

from graph_service.access.policy import TrackId
from graph_service.access.settings import AccessSettings
from graph_service.clock import Clock
from graph_service.db.cypher import cypher
from graph_service.db.read_compiler import Selected
from graph_service.services.access_gate import AccessGate
from graph_service.services.compiled_reads import FoundPage, Reader
from graph_service.services.context import UseCaseContext
from graph_service.services.read_audit import ReadAudit
from graph_service.services.runtime import Runtime
from graph_service.services.searches import HOUSEHOLD_SEARCHES, PERSON_SEARCHES

DISTRICT_READER = "T-DISTRICT-READER"
NAMES = {
    "Household": (Selected("id", "id"), Selected("name", "name")),
    "Person": (
        Selected("firstName", "first_name"),
        Selected("id", "id"),
        Selected("lastName", "last_name"),
    ),
}


async def give_active_grant(
    driver: AsyncDriver,
    database: str,
    *,
    employee_id: str,
    school_id: str | None,
    now: datetime,
) -> None:
    """An active grant for `employee_id` at `school_id`, or district-wide when None."""
    params = {
        "employeeId": employee_id,
        "track": TrackId.OFFICE_PROFESSIONAL if school_id else TrackId.CENTRAL_OFFICE,
        "locationKind": "school" if school_id else "team",
        # A team the shipped policy gives R/W/A/D (a team without an entry gets nothing).
        "locationId": school_id or "enrollment",
        "from": now - timedelta(days=1),
        "until": now + timedelta(days=365),
    }
    await driver.execute_query(cypher("testing/give_active_grant"), params, database_=database)


def reader(driver: AsyncDriver, database: str, clock: Clock, employee_id: str) -> Reader:
    runtime = Runtime(driver, database, AccessSettings().policy(), clock)
    # The audit is not started: its entries stay queued in memory.
    return Reader(AccessGate(runtime, ReadAudit(runtime), employee_id), operation="test")


async def district_reader(ctx: UseCaseContext) -> Reader:
    """A district-wide reader of the database `ctx` writes to."""
    await give_active_grant(
        ctx.driver, ctx.database, employee_id=DISTRICT_READER, school_id=None,
        now=ctx.clock.now(),
    )  # fmt: skip
    return reader(ctx.driver, ctx.database, ctx.clock, DISTRICT_READER)


async def search(
    read: Reader,
    field: str,
    term: Any,
    *,
    first: int = 20,
    after: str | None = None,
    as_of: date | None = None,
    everything: bool = False,
) -> FoundPage:
    """The API's search `by: {field: term}` (`field` as the Python name, `name_prefix`), with
    each node's id and name(s). `everything` sends the statement an empty prefix (which the
    API refuses from a client), to compare whole districts."""
    found = HOUSEHOLD_SEARCHES.get(field) or PERSON_SEARCHES[field]
    if everything:
        params = found.parameters(term)
        blank = {key: "" for key in params if key.lower().endswith("prefix")}
        found = replace(found, parameters=lambda _: {**params, **blank})
    return await read.page(found, term, NAMES[found.kind], first=first, after=after, as_of=as_of)
