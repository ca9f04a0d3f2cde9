"""Data functions for MEMBER_OF edges (a person's membership of a household)."""

from __future__ import annotations

import uuid
from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_all, fetch_one
from graph_service.domain.base import GraphModel


class StoredMembership(GraphModel):
    """A MEMBER_OF edge as the rules need it."""

    id: str
    household_id: str
    secondary: bool
    start_date: date
    end_date: date | None = None


async def person_memberships(
    tx: AsyncManagedTransaction, *, person_id: str
) -> list[StoredMembership]:
    rows = await fetch_all(tx, cypher("people/person_memberships"), personId=person_id)
    return [StoredMembership.model_validate(row["membership"]) for row in rows]


async def create_membership(
    tx: AsyncManagedTransaction,
    *,
    stamp: Stamp,
    person_id: str,
    household_id: str,
    start_date: date,
    end_date: date | None,
    secondary: bool,
    private: bool,
) -> str:
    """A new MEMBER_OF edge; returns its id."""
    row = await fetch_one(
        tx,
        cypher("people/create_membership"),
        id=str(uuid.uuid4()),
        personId=person_id,
        householdId=household_id,
        startDate=start_date,
        endDate=end_date,
        secondary=secondary,
        private=private,
        **stamp.params(),
    )
    assert row is not None  # both ends were checked by the caller
    return str(row["id"])


async def end_memberships(
    tx: AsyncManagedTransaction, *, stamp: Stamp, membership_ids: list[str], end_date: date
) -> None:
    await fetch_all(
        tx,
        cypher("people/end_memberships"),
        membershipIds=membership_ids,
        endDate=end_date,
        **stamp.params(),
    )
