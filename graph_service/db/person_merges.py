"""Data functions for merging person records: moving edges, marking and unmarking."""

from __future__ import annotations

from typing import LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_all, fetch_one, read_all
from graph_service.domain.person_merges import PersonMerge
from graph_service.domain.relationships import Relationship

EDGE_KINDS = (
    "memberships",
    "phone_links",
    "enrolments",
    "outgoing_relationships",
    "incoming_relationships",
)


def _move_statement(kind: str) -> LiteralString:
    # One pre-written statement per edge type and direction (types can't be parameters).
    statements = {
        "memberships": cypher("people/move_memberships_to_survivor"),
        "phone_links": cypher("people/move_phone_links_to_survivor"),
        "enrolments": cypher("people/move_enrolments_to_survivor"),
        "outgoing_relationships": cypher("people/move_outgoing_relationships_to_survivor"),
        "incoming_relationships": cypher("people/move_incoming_relationships_to_survivor"),
    }
    return statements[kind]


def _return_statement(kind: str) -> LiteralString:
    statements = {
        "memberships": cypher("people/return_memberships_to_merged"),
        "phone_links": cypher("people/return_phone_links_to_merged"),
        "enrolments": cypher("people/return_enrolments_to_merged"),
        "outgoing_relationships": cypher("people/return_outgoing_relationships_to_merged"),
        "incoming_relationships": cypher("people/return_incoming_relationships_to_merged"),
    }
    return statements[kind]


async def person_relationships(
    tx: AsyncManagedTransaction, *, person_id: str
) -> list[Relationship]:
    rows = await fetch_all(tx, cypher("people/person_relationships"), personId=person_id)
    return [Relationship.model_validate(row["relationship"]) for row in rows]


async def move_edges(
    tx: AsyncManagedTransaction,
    *,
    stamp: Stamp,
    kind: str,
    edge_ids: list[str],
    merge_id: str,
    merged_id: str,
    survivor_id: str,
) -> int:
    """Re-home the listed edges of one kind onto the survivor; returns how many moved."""
    row = await fetch_one(
        tx,
        _move_statement(kind),
        edgeIds=edge_ids,
        mergeId=merge_id,
        mergedId=merged_id,
        survivorId=survivor_id,
        **stamp.params(),
    )
    return int(row["moved"]) if row else 0


async def return_edges(
    tx: AsyncManagedTransaction,
    *,
    stamp: Stamp,
    kind: str,
    merge_id: str,
    merged_id: str,
    survivor_id: str,
) -> int:
    """Move a merge's edges of one kind back to the merged record; returns how many."""
    row = await fetch_one(
        tx,
        _return_statement(kind),
        mergeId=merge_id,
        mergedId=merged_id,
        survivorId=survivor_id,
        **stamp.params(),
    )
    return int(row["returned"]) if row else 0


async def mark_person_merged(
    tx: AsyncManagedTransaction,
    *,
    stamp: Stamp,
    merge_id: str,
    merged_id: str,
    survivor_id: str,
    conflicts: list[str],
) -> PersonMerge:
    row = await fetch_one(
        tx,
        cypher("people/mark_person_merged"),
        mergeId=merge_id,
        mergedId=merged_id,
        survivorId=survivor_id,
        conflicts=conflicts,
        **stamp.params(),
    )
    assert row is not None  # both people were locked in this transaction
    return PersonMerge.model_validate(row["merge"])


async def get_person_merge(tx: AsyncManagedTransaction, *, merge_id: str) -> PersonMerge | None:
    row = await fetch_one(tx, cypher("people/get_person_merge"), mergeId=merge_id)
    return PersonMerge.model_validate(row["merge"]) if row else None


async def unmark_person_merged(
    tx: AsyncManagedTransaction, *, stamp: Stamp, merge_id: str
) -> PersonMerge:
    row = await fetch_one(
        tx, cypher("people/unmark_person_merged"), mergeId=merge_id, **stamp.params()
    )
    assert row is not None  # the caller found the merge in this transaction
    return PersonMerge.model_validate(row["merge"])


async def person_merges_of(
    driver: AsyncDriver, *, person_id: str, database: str
) -> list[PersonMerge]:
    """Merges the person took part in (either side), newest first. One round trip."""
    rows = await read_all(
        driver, cypher("people/person_merges_of"), database=database, personId=person_id
    )
    return [PersonMerge.model_validate(row["merge"]) for row in rows]
