"""Bulk loading: rows written by batched, parameterized statements from cypher/seed/ (one
unwound batch per write transaction), in the order edges need their ends. Shared by the demo
seed and the CSV import. Rerunning with the same ids changes nothing: each statement merges
on the id and sets properties only when it creates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, fetch_one, read_all

Row = dict[str, Any]
DEFAULT_BATCH = 5_000
Progress = Callable[[str, int, int], None]  # (kind, rows just written, rows in the whole load)

# What each kind of row is written with, in load order (nodes before the edges between them).
STATEMENTS: dict[str, LiteralString] = {
    "people": cypher("seed/merge_people"),
    "households": cypher("seed/merge_households"),
    "addresses": cypher("seed/merge_addresses"),
    "phones": cypher("seed/merge_phones"),
    "created_at": cypher("seed/merge_created_at"),
    "memberships": cypher("seed/merge_memberships"),
    "locations": cypher("seed/merge_locations"),
    "household_phones": cypher("seed/merge_household_phones"),
    "person_phones": cypher("seed/merge_person_phones"),
    "relationships": cypher("seed/merge_relationships"),
    "enrolments": cypher("seed/merge_enrolments"),
}
LOAD_ORDER = tuple(STATEMENTS)
UNDATED_RELATIONSHIPS = cypher("seed/merge_undated_relationships")


@dataclass
class GraphCounts:
    total_nodes: int = 0
    nodes: dict[str, int] = field(default_factory=dict)  # by label (a node may have two)
    relationships: dict[str, int] = field(default_factory=dict)

    @property
    def total_relationships(self) -> int:
        return sum(self.relationships.values())


async def write_rows(
    driver: AsyncDriver,
    database: str,
    kind: str,
    rows: Sequence[Row],
    *,
    stamp: Stamp,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
    total: int | None = None,
) -> set[Any]:
    """Write `rows` of `kind` in batches; returns the keys written or matched (a row whose
    ends were missing is absent: the CSV import reports those)."""
    written: set[Any] = set()
    batches: list[tuple[LiteralString, Sequence[Row]]] = []
    if kind == "relationships":
        # A MERGE can't match on a missing start day: those few go by their id.
        dated = [row for row in rows if row["startDate"] is not None]
        undated = [row for row in rows if row["startDate"] is None]
        batches += [
            (STATEMENTS[kind], dated[i : i + batch_size]) for i in range(0, len(dated), batch_size)
        ]
        batches += [(UNDATED_RELATIONSHIPS, undated)] if undated else []
    else:
        batches += [
            (STATEMENTS[kind], rows[i : i + batch_size]) for i in range(0, len(rows), batch_size)
        ]

    async def batch(
        tx: AsyncManagedTransaction, statement: LiteralString, chunk: Sequence[Row]
    ) -> list[Any]:
        row = await fetch_one(tx, statement, rows=list(chunk), **stamp.params())
        return list(row["written"]) if row else []

    async with driver.session(database=database) as session:
        for statement, chunk in batches:
            written.update(await session.execute_write(batch, statement, chunk))
            if progress is not None:
                progress(kind, len(chunk), total or len(rows))
    return written


async def count_graph(
    driver: AsyncDriver, database: str, *, from_count_store: bool = False
) -> GraphCounts:
    """Nodes by label and relationships by type (migration records left out), counted, or
    read from Neo4j's count store (`from_count_store`: no scan, but an admin's procedure;
    the bulk path's managed server). A SchemaMigration node carries no other label."""
    statement = cypher("meta/graph_counts") if from_count_store else cypher("seed/count_graph")
    rows = await read_all(driver, statement, database=database)
    row = rows[0]
    return GraphCounts(
        total_nodes=int(row["nodes"]),
        nodes={item["name"]: item["count"] for item in sorted(row["labels"], key=_name)},
        relationships={item["name"]: item["count"] for item in sorted(row["types"], key=_name)},
    )


def _name(item: dict[str, Any]) -> str:
    return str(item["name"])


async def graph_ids(driver: AsyncDriver, database: str) -> tuple[list[str], list[str]]:
    """Every node id and relationship id, sorted (what a rerun's checksum is taken over)."""
    rows = await read_all(driver, cypher("seed/graph_ids"), database=database)
    return list(rows[0]["nodeIds"]), list(rows[0]["relationshipIds"])
