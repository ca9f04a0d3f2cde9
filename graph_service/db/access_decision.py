"""The two reads behind an access decision: the caller's grant and the households in scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, LiteralString

from neo4j import AsyncDriver

from graph_service.access.facts import Grant
from graph_service.db.access import grant_from_row
from graph_service.db.cypher import cypher
from graph_service.db.run import native, read_rows


@dataclass(frozen=True)
class CallerRow:
    """The caller's employment and active grant, and the rest of the row the statement read
    with them (a compiled read's data, as its projection built it)."""

    employed: bool
    grant: Grant | None
    row: dict[str, Any]


async def read_with_caller(
    driver: AsyncDriver, statement: LiteralString, *, database: str, **params: Any
) -> CallerRow:
    """The one row of a read statement that returns `employmentStatus` and `grant` beside
    whatever else it reads, in one round trip."""
    records = await read_rows(driver, statement, params, database=database)
    if not records:
        return CallerRow(employed=False, grant=None, row={})
    # The row as the driver decoded it: a compiled read returns maps, lists and scalars only
    # (no nodes, relationships or paths), so `Record.data()`'s recursive conversion of graph
    # types would walk every value of the page for nothing.
    return caller_of(dict(zip(records[0].keys(), records[0], strict=True)))


def caller_of(row: dict[str, Any]) -> CallerRow:
    """The caller read by the gate (`fragments/caller_read_gate`'s `employmentStatus` and
    `grant` columns, taken out of `row`) and the rest of the row."""
    grant = row.pop("grant")
    employed = row.pop("employmentStatus") == "active"
    return CallerRow(employed, grant_from_row(native(grant)) if grant else None, row)


async def caller_grant(
    driver: AsyncDriver, *, database: str, employee_id: str
) -> tuple[bool, Grant | None]:
    """(employed, active grant or None) in one lookup on the unique employee id."""
    found = await read_with_caller(
        driver, cypher("access/load_caller_grant"), database=database, employeeId=employee_id
    )
    return found.employed, found.grant


async def households_in_school_scope(
    driver: AsyncDriver,
    *,
    database: str,
    household_ids: list[str],
    school_ids: list[str],
    on_date: date,
) -> set[str]:
    """The ids among `household_ids` that a grant for `school_ids` covers on `on_date`."""
    if not household_ids or not school_ids:
        return set()
    records = await read_rows(
        driver,
        cypher("access/households_in_school_scope"),
        {"householdIds": household_ids, "schoolIds": school_ids, "onDate": on_date},
        database=database,
    )
    return {record["id"] for record in records}
