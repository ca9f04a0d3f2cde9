"""Data functions for Address nodes and the LOCATED_AT edges of households."""

from __future__ import annotations

import uuid
from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_all, fetch_one
from graph_service.domain.addresses import Address, AddressInput, LocationFlags
from graph_service.domain.base import GraphModel


class StoredLocation(GraphModel):
    """A LOCATED_AT edge as the rules need it."""

    id: str
    address_id: str
    address_key: str
    physical: bool
    mailing: bool
    secondary: bool
    start_date: date
    end_date: date | None = None


async def merge_address(
    tx: AsyncManagedTransaction, *, stamp: Stamp, address: AddressInput
) -> Address:
    """The Address node for this place: the existing one when the normalized key matches."""
    key = address.normalized_key()
    row = await fetch_one(
        tx,
        cypher("addresses/merge_address"),
        id=str(uuid.uuid4()),
        normalizedKey=key,
        streetKey=street_key(address),
        number=address.number,
        street=address.street,
        tag=address.tag,
        apartment=address.apartment,
        poBox=address.po_box,
        city=address.city,
        state=address.state,
        zip=address.zip,
        **stamp.params(),
    )
    assert row is not None  # MERGE always returns its row
    return Address.model_validate(row["address"])


def street_key(address: AddressInput) -> str:
    """What address searches match by prefix: "12 MAIN ST", or "PO BOX 7"."""
    number, street, tag = address.normalized_key().split("|")[:3]
    if number == "POBOX":
        return f"PO BOX {street}"
    return " ".join(part for part in (number, street, tag) if part)


async def household_locations(
    tx: AsyncManagedTransaction, *, household_id: str
) -> list[StoredLocation]:
    rows = await fetch_all(tx, cypher("addresses/household_locations"), householdId=household_id)
    return [StoredLocation.model_validate(row["location"]) for row in rows]


async def create_location(
    tx: AsyncManagedTransaction,
    *,
    stamp: Stamp,
    household_id: str,
    address_id: str,
    flags: LocationFlags,
    start_date: date,
) -> str:
    """A new LOCATED_AT edge; returns its id."""
    row = await fetch_one(
        tx,
        cypher("addresses/create_location"),
        id=str(uuid.uuid4()),
        householdId=household_id,
        addressId=address_id,
        startDate=start_date,
        physical=flags.physical,
        mailing=flags.mailing,
        secondary=flags.secondary,
        private=flags.private,
        **stamp.params(),
    )
    assert row is not None  # both ends were checked by the caller
    return str(row["id"])


async def end_locations(
    tx: AsyncManagedTransaction, *, stamp: Stamp, location_ids: list[str], end_date: date
) -> None:
    await fetch_all(
        tx,
        cypher("addresses/end_locations"),
        locationIds=location_ids,
        endDate=end_date,
        **stamp.params(),
    )
