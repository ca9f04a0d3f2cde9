"""Data functions for Phone nodes and the HAS_PHONE edges of households and people."""

from __future__ import annotations

import uuid
from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_all, fetch_one
from graph_service.domain.base import GraphModel
from graph_service.domain.phones import Phone, PhoneInput


class StoredPhoneLink(GraphModel):
    """A HAS_PHONE edge as the rules need it."""

    id: str
    phone_id: str
    priority: int
    start_date: date
    end_date: date | None = None


async def lock_phone_owner(
    tx: AsyncManagedTransaction, *, stamp: Stamp, owner_id: str
) -> int | None:
    """Write-lock the household or person owning phones; its version before, None if missing."""
    row = await fetch_one(
        tx, cypher("phones/lock_phone_owner_for_update"), ownerId=owner_id, **stamp.params()
    )
    return None if row is None else int(row["seen"])


async def merge_phone(tx: AsyncManagedTransaction, *, stamp: Stamp, phone: PhoneInput) -> Phone:
    """The Phone node for this number, created on first use."""
    row = await fetch_one(
        tx,
        cypher("phones/merge_phone"),
        id=str(uuid.uuid4()),
        number=phone.number,
        type=phone.type.value,
        smsCapable=phone.sms_capable,
        **stamp.params(),
    )
    assert row is not None  # MERGE always returns its row
    return Phone.model_validate(row["phone"])


async def owner_phone_links(tx: AsyncManagedTransaction, *, owner_id: str) -> list[StoredPhoneLink]:
    rows = await fetch_all(tx, cypher("phones/owner_phone_links"), ownerId=owner_id)
    return [StoredPhoneLink.model_validate(row["link"]) for row in rows]


async def create_phone_link(
    tx: AsyncManagedTransaction,
    *,
    stamp: Stamp,
    owner_id: str,
    phone_id: str,
    priority: int,
    private: bool,
    start_date: date,
) -> str:
    row = await fetch_one(
        tx,
        cypher("phones/create_phone_link"),
        id=str(uuid.uuid4()),
        ownerId=owner_id,
        phoneId=phone_id,
        priority=priority,
        private=private,
        startDate=start_date,
        **stamp.params(),
    )
    assert row is not None  # the owner was locked and the phone merged in this transaction
    return str(row["id"])


async def set_phone_priorities(
    tx: AsyncManagedTransaction, *, stamp: Stamp, priorities: dict[str, int]
) -> None:
    """Give each HAS_PHONE edge (by id) its new priority."""
    rows = [{"linkId": link_id, "priority": p} for link_id, p in priorities.items()]
    await fetch_all(tx, cypher("phones/set_phone_priorities"), rows=rows, **stamp.params())


async def end_phone_link(
    tx: AsyncManagedTransaction, *, stamp: Stamp, link_id: str, end_date: date
) -> None:
    await fetch_all(
        tx, cypher("phones/end_phone_link"), linkId=link_id, endDate=end_date, **stamp.params()
    )
