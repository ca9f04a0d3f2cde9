"""Data functions for Household nodes: create, lock, edit, and the household reads."""

from __future__ import annotations

from datetime import date

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_one, read_all
from graph_service.domain.households import (
    Household,
    HouseholdFields,
    HouseholdHistory,
    HouseholdView,
)
from graph_service.domain.people import name_key


async def create_household(
    tx: AsyncManagedTransaction,
    *,
    stamp: Stamp,
    household_id: str,
    fields: HouseholdFields,
    created_at_school_id: str | None,
) -> tuple[Household, bool]:
    """The new household, and whether the named school (if any) was found."""
    row = await fetch_one(
        tx,
        cypher("households/create_household"),
        id=household_id,
        name=fields.name,
        nameKey=name_key(fields.name),
        comments=fields.comments,
        private=fields.private,
        createdAtSchoolId=created_at_school_id,
        **stamp.params(),
    )
    assert row is not None  # CREATE always returns its row
    return Household.model_validate(row["household"]), bool(row["schoolFound"])


async def lock_household(
    tx: AsyncManagedTransaction, *, stamp: Stamp, household_id: str
) -> int | None:
    """Write-lock the household and bump its version; the version before, None if missing."""
    row = await fetch_one(
        tx,
        cypher("households/lock_household_for_update"),
        householdId=household_id,
        **stamp.params(),
    )
    return None if row is None else int(row["seen"])


async def edit_household(
    tx: AsyncManagedTransaction, *, household_id: str, fields: HouseholdFields
) -> Household:
    row = await fetch_one(
        tx,
        cypher("households/edit_household"),
        householdId=household_id,
        name=fields.name,
        nameKey=name_key(fields.name),
        comments=fields.comments,
        private=fields.private,
    )
    assert row is not None  # the caller locked it, so it exists
    return Household.model_validate(row["household"])


async def get_household(
    driver: AsyncDriver, *, household_id: str, as_of: date, database: str
) -> HouseholdView | None:
    """The household with its members, locations and phones on `as_of`. One round trip."""
    rows = await read_all(
        driver,
        cypher("households/get_household"),
        database=database,
        householdId=household_id,
        asOf=as_of,
    )
    if not rows:
        return None
    return HouseholdView.model_validate({**rows[0], "asOf": as_of})


async def get_household_history(
    driver: AsyncDriver, *, household_id: str, database: str
) -> HouseholdHistory | None:
    """Every membership, location and relationship among members, dated. One round trip."""
    rows = await read_all(
        driver,
        cypher("households/get_household_history"),
        database=database,
        householdId=household_id,
    )
    return HouseholdHistory.model_validate(rows[0]) if rows else None
