"""Data functions for RELATED_TO edges: one stored edge per related pair."""

from __future__ import annotations

import uuid
from typing import Any

from neo4j import AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_all, fetch_one
from graph_service.domain.relationships import Relationship


async def pair_relationships(
    tx: AsyncManagedTransaction, *, person_id: str, related_person_id: str
) -> list[Relationship]:
    """Every edge between the two, in either direction, ended ones too."""
    rows = await fetch_all(
        tx,
        cypher("relationships/pair_relationships"),
        personId=person_id,
        relatedPersonId=related_person_id,
    )
    return [Relationship.model_validate(row["relationship"]) for row in rows]


async def incoming_emergency_contacts(
    tx: AsyncManagedTransaction, *, person_id: str
) -> list[Relationship]:
    """Edges that make someone `person_id`'s emergency contact (any dates)."""
    rows = await fetch_all(
        tx, cypher("relationships/incoming_emergency_contacts"), personId=person_id
    )
    return [Relationship.model_validate(row["relationship"]) for row in rows]


async def create_relationship(
    tx: AsyncManagedTransaction,
    *,
    stamp: Stamp,
    from_person_id: str,
    to_person_id: str,
    values: dict[str, Any],
) -> Relationship:
    row = await fetch_one(
        tx,
        cypher("relationships/create_relationship"),
        id=str(uuid.uuid4()),
        fromPersonId=from_person_id,
        toPersonId=to_person_id,
        **values,
        **stamp.params(),
    )
    assert row is not None  # both people were checked by the caller
    return Relationship.model_validate(row["relationship"])


async def lock_relationship(
    tx: AsyncManagedTransaction, *, stamp: Stamp, relationship_id: str
) -> tuple[int, Relationship] | None:
    """Write-lock and bump the edge; (version before, the edge as it was), None if missing."""
    row = await fetch_one(
        tx,
        cypher("relationships/lock_relationship_for_update"),
        relationshipId=relationship_id,
        **stamp.params(),
    )
    if row is None:
        return None
    return int(row["seen"]), Relationship.model_validate(row["relationship"])


async def update_relationship(
    tx: AsyncManagedTransaction, *, relationship_id: str, values: dict[str, Any]
) -> Relationship:
    row = await fetch_one(
        tx, cypher("relationships/update_relationship"), id=relationship_id, **values
    )
    assert row is not None  # the caller locked it, so it exists
    return Relationship.model_validate(row["relationship"])


async def set_emergency_priorities(
    tx: AsyncManagedTransaction, *, stamp: Stamp, priorities: dict[str, int]
) -> None:
    """Give each RELATED_TO edge (by id) its new emergency priority."""
    rows = [{"relationshipId": rid, "priority": p} for rid, p in priorities.items()]
    await fetch_all(
        tx, cypher("relationships/set_emergency_priorities"), rows=rows, **stamp.params()
    )
