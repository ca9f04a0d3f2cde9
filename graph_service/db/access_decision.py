"""The two reads behind an access decision: the caller's grant and the households in scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from neo4j import AsyncDriver, RoutingControl

from graph_service.access.facts import Grant
from graph_service.db.access import grant_from_row
from graph_service.db.cypher import cypher
from graph_service.db.run import native
from graph_service.db.scope import PersonScope


async def caller_grant(
    driver: AsyncDriver, *, database: str, employee_id: str
) -> tuple[bool, Grant | None]:
    """(employed, active grant or None) in one lookup on the unique employee id."""
    records, _, _ = await driver.execute_query(
        cypher("access/load_caller_grant"),
        employeeId=employee_id,
        database_=database,
        routing_=RoutingControl.READ,
    )
    if not records:
        return False, None
    row = native(records[0].data())
    grant = grant_from_row(row["grant"]) if row["grant"] else None
    return row["employmentStatus"] == "active", grant


async def caller_grant_with_scope(
    driver: AsyncDriver,
    *,
    database: str,
    employee_id: str,
    household_ids: list[str],
    on_date: date,
) -> tuple[bool, Grant | None, set[str]]:
    """`caller_grant` and, in the same round trip, the ids among `household_ids` that the
    grant covers on `on_date` when it is school-based (empty otherwise)."""
    records, _, _ = await driver.execute_query(
        cypher("access/load_caller_grant_with_scope"),
        employeeId=employee_id,
        householdIds=household_ids,
        onDate=on_date,
        database_=database,
        routing_=RoutingControl.READ,
    )
    if not records:
        return False, None, set()
    row = native(records[0].data())
    grant = grant_from_row(row["grant"]) if row["grant"] else None
    return row["employmentStatus"] == "active", grant, set(row["covered"])


@dataclass(frozen=True)
class PlacedPerson:
    """A person's households and schools on a day, and which of the households a
    school-based grant covers (empty for other grants)."""

    scope: PersonScope
    covered: set[str]


async def caller_grant_with_people_scope(
    driver: AsyncDriver,
    *,
    database: str,
    employee_id: str,
    person_ids: list[str],
    as_of: date,
    on_date: date,
) -> tuple[bool, Grant | None, dict[str, PlacedPerson]]:
    """`caller_grant` and, in the same round trip, each existing person's households and
    schools on `as_of` with the households the grant covers on `on_date`."""
    records, _, _ = await driver.execute_query(
        cypher("access/load_caller_grant_with_people_scope"),
        employeeId=employee_id,
        personIds=person_ids,
        asOf=as_of,
        onDate=on_date,
        database_=database,
        routing_=RoutingControl.READ,
    )
    if not records:
        return False, None, {}
    row = native(records[0].data())
    grant = grant_from_row(row["grant"]) if row["grant"] else None
    people = {
        item["personId"]: PlacedPerson(
            PersonScope(item["personId"], item["householdIds"], item["schoolIds"]),
            set(item["covered"]),
        )
        for item in row["people"]
    }
    return row["employmentStatus"] == "active", grant, people


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
    records, _, _ = await driver.execute_query(
        cypher("access/households_in_school_scope"),
        householdIds=household_ids,
        schoolIds=school_ids,
        onDate=on_date,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return {record["id"] for record in records}
