"""What the access decision needs to know about people: their households and schools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.db.run import read_all


@dataclass(frozen=True)
class PersonScope:
    person_id: str
    household_ids: list[str]
    school_ids: list[str]


async def households_of_people(
    driver: AsyncDriver, *, person_ids: list[str], as_of: date, database: str
) -> dict[str, PersonScope]:
    """For each existing person among `person_ids`: current households and enrolments."""
    rows = await read_all(
        driver,
        cypher("scope/households_of_people"),
        database=database,
        personIds=person_ids,
        asOf=as_of,
    )
    return {
        row["personId"]: PersonScope(row["personId"], row["householdIds"], row["schoolIds"])
        for row in rows
    }


@dataclass(frozen=True)
class Touched:
    """What one id names, for the access decision: its households and people."""

    household_ids: list[str]
    person_ids: list[str]


async def what_ids_touch(
    driver: AsyncDriver, *, ids: list[str], database: str
) -> dict[str, Touched]:
    """For each id: the households and people it names or connects (empty when unknown)."""
    rows = await read_all(driver, cypher("scope/what_ids_touch"), database=database, ids=ids)
    return {row["id"]: Touched(row["householdIds"], row["personIds"]) for row in rows}
