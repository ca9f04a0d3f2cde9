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
class Target:
    """Whether the caller's grant covered one id (the access log's question, asked of ids
    of any kind)."""

    in_scope: bool
    unplaced: bool  # a person with no household and no enrolment yet


async def targets_in_scope(
    driver: AsyncDriver,
    *,
    ids: list[str],
    school_ids: list[str] | None,
    on_date: date,
    database: str,
) -> dict[str, Target]:
    """For each id, of any kind: whether a grant for `school_ids` (None: district-wide) covered
    it on `on_date`, in one round trip (the access log's explanation; a write checks its
    targets with `write_targets_in_scope`)."""
    rows = await read_all(
        driver, cypher("scope/targets_in_scope"), database=database,
        ids=ids, schoolIds=school_ids, onDate=on_date, asOf=on_date,
    )  # fmt: skip
    return {row["id"]: Target(row["inScope"], row["unplaced"]) for row in rows}


@dataclass(frozen=True)
class CheckedTarget:
    """Whether one id a write names is a record of the kind the write expects, and whether
    the caller's grant covers it."""

    named: bool
    in_scope: bool
    unplaced: bool  # a person with no household and no enrolment yet


async def write_targets_in_scope(
    driver: AsyncDriver,
    *,
    targets: list[tuple[str, str]],
    school_ids: list[str] | None,
    on_date: date,
    database: str,
) -> dict[tuple[str, str], CheckedTarget]:
    """For each (id, kind) of `targets` (kind "Household", "Person", "Relationship" or
    "Enrollment"): whether the id names a `kind` and whether a grant for `school_ids` (None:
    district-wide) covers it on `on_date`, in one round trip. An id of nothing is checked
    against a stand-in record, so that it costs what an id outside the scope costs."""
    rows = await read_all(
        driver, cypher("scope/write_targets_in_scope"), database=database,
        targets=[{"id": raw, "kind": kind} for raw, kind in targets],
        schoolIds=school_ids, onDate=on_date, asOf=on_date,
    )  # fmt: skip
    return {
        (row["id"], row["kind"]): CheckedTarget(row["named"], row["inScope"], row["unplaced"])
        for row in rows
    }


@dataclass(frozen=True)
class Touched:
    """What one id names: its households and people."""

    household_ids: list[str]
    person_ids: list[str]


async def what_ids_touch(
    driver: AsyncDriver, *, ids: list[str], database: str
) -> dict[str, Touched]:
    """For each id: the households and people it names or connects (empty when unknown)."""
    rows = await read_all(driver, cypher("scope/what_ids_touch"), database=database, ids=ids)
    return {row["id"]: Touched(row["householdIds"], row["personIds"]) for row in rows}
