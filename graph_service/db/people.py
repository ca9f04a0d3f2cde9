"""Data functions for Person nodes: create, edit, lock, duplicates and the person read."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_all, fetch_one, read_all
from graph_service.domain.base import GraphModel
from graph_service.domain.people import (
    DuplicateCheck,
    IdentityKey,
    Person,
    PersonFields,
    name_key,
)
from graph_service.domain.person_view import PersonGraph


class PersonStatus(GraphModel):
    id: str
    merged_into_id: str | None = None
    birth_date: date | None = None


def _person_params(fields: PersonFields) -> dict[str, Any]:
    return {
        "firstName": fields.first_name,
        "middleName": fields.middle_name,
        "lastName": fields.last_name,
        "suffix": fields.suffix,
        "preferredName": fields.preferred_name,
        "birthDate": fields.birth_date,
        "gender": fields.gender.value,
        "studentNumber": fields.student_number,
        "stateId": fields.state_id,
        "staffEmployeeId": fields.staff_employee_id,
        "firstNameKey": name_key(fields.first_name),
        "lastNameKey": name_key(fields.last_name),
    }


async def create_person(
    tx: AsyncManagedTransaction, *, stamp: Stamp, person_id: str, fields: PersonFields
) -> Person:
    row = await fetch_one(
        tx, cypher("people/create_person"), id=person_id, **_person_params(fields), **stamp.params()
    )
    assert row is not None  # CREATE always returns its row
    return Person.model_validate(row["person"])


async def edit_person(
    tx: AsyncManagedTransaction, *, person_id: str, fields: PersonFields
) -> Person:
    row = await fetch_one(
        tx, cypher("people/edit_person"), personId=person_id, **_person_params(fields)
    )
    assert row is not None  # the caller locked it, so it exists
    return Person.model_validate(row["person"])


async def lock_person(
    tx: AsyncManagedTransaction, *, stamp: Stamp, person_id: str
) -> tuple[int, str | None] | None:
    """Write-lock and bump the person; (version before, merged-into id), None if missing."""
    row = await fetch_one(
        tx, cypher("people/lock_person_for_update"), personId=person_id, **stamp.params()
    )
    return None if row is None else (int(row["seen"]), row["mergedIntoId"])


async def lock_identity_keys(tx: AsyncManagedTransaction, *, key: IdentityKey) -> None:
    """Write-lock the identity key's nodes until commit, so that concurrent duplicate checks
    of one person run one after the other (the second sees the first's record)."""
    keys = key.lock_keys()
    if keys:  # no birth date and no student number: nothing to check, nothing to lock
        await fetch_all(tx, cypher("people/lock_identity_keys"), keys=keys)


async def find_duplicate_candidates(
    tx: AsyncManagedTransaction,
    *,
    key: IdentityKey,
    employee_id: str,
    now: datetime,
    as_of: date,
    exclude_id: str = "",
) -> DuplicateCheck:
    """Live records with the same normalized name and birth date, or student number: those
    `employee_id`'s grant lets them read (by the reads' rules on `as_of`), and only the
    reasons of the others. An actor with no usable grant reads no one."""
    row = await fetch_one(
        tx,
        cypher("people/find_duplicate_candidates"),
        firstNameKey=key.first_name_key,
        lastNameKey=key.last_name_key,
        birthDate=key.birth_date,
        studentNumber=key.student_number,
        excludeId=exclude_id,
        employeeId=employee_id,
        now=now,
        asOf=as_of,
        onDate=as_of,
    )
    assert row is not None  # an aggregation always returns its row
    return DuplicateCheck.model_validate(
        {"candidates": row["candidates"], "hiddenReasons": sorted(row["hiddenReasons"])}
    )


async def lock_people(
    tx: AsyncManagedTransaction, *, person_ids: list[str]
) -> dict[str, PersonStatus]:
    """Write-lock the people among `person_ids` that exist (held to commit); by id."""
    rows = await fetch_all(tx, cypher("people/lock_people"), personIds=sorted(set(person_ids)))
    return {row["id"]: PersonStatus.model_validate(row) for row in rows}


async def get_person(
    driver: AsyncDriver, *, person_id: str, as_of: date, database: str
) -> PersonGraph | None:
    """The person and what held on `as_of`, before labelling. One round trip."""
    rows = await read_all(
        driver, cypher("people/get_person"), database=database, personId=person_id, asOf=as_of
    )
    return PersonGraph.model_validate(rows[0]) if rows else None
