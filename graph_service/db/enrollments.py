"""Data functions for ENROLLED_AT edges (a person at a school)."""

from __future__ import annotations

import uuid
from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_all, fetch_one
from graph_service.domain.enrollments import EnrolInput, Enrolment


async def person_enrolments(tx: AsyncManagedTransaction, *, person_id: str) -> list[Enrolment]:
    rows = await fetch_all(tx, cypher("enrollments/person_enrolments"), personId=person_id)
    return [Enrolment.model_validate(row["enrolment"]) for row in rows]


async def enrol_person(
    tx: AsyncManagedTransaction, *, stamp: Stamp, enrolment: EnrolInput
) -> Enrolment | None:
    """The new enrolment, or None when the person or the school does not exist."""
    row = await fetch_one(
        tx,
        cypher("enrollments/enrol_person"),
        id=str(uuid.uuid4()),
        personId=enrolment.person_id,
        schoolId=enrolment.school_id,
        grade=enrolment.grade.value,
        startDate=enrolment.start_date,
        endDate=enrolment.end_date,
        **stamp.params(),
    )
    return None if row is None else Enrolment.model_validate(row["enrolment"])


async def get_enrolment(
    tx: AsyncManagedTransaction, *, enrolment_id: str
) -> tuple[str, Enrolment] | None:
    """(person id, enrolment) for an enrolment id, None when there is none."""
    row = await fetch_one(tx, cypher("enrollments/get_enrolment"), enrolmentId=enrolment_id)
    return None if row is None else (row["personId"], Enrolment.model_validate(row["enrolment"]))


async def end_enrolment(
    tx: AsyncManagedTransaction, *, stamp: Stamp, enrolment_id: str, end_date: date
) -> Enrolment:
    row = await fetch_one(
        tx,
        cypher("enrollments/end_enrolment"),
        enrolmentId=enrolment_id,
        endDate=end_date,
        **stamp.params(),
    )
    assert row is not None  # the caller found it in this transaction
    return Enrolment.model_validate(row["enrolment"])
