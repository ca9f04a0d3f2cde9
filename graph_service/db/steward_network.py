"""Data functions for the steward's graph walks: the network around a record and the
shortest connections between two people. Each is one round trip."""

from __future__ import annotations

from datetime import date
from typing import Any, LiteralString

from graph_service.db.cypher import cypher
from graph_service.db.run import ViewRows
from graph_service.db.steward_rows import record_ref
from graph_service.domain.steward import (
    Connection,
    ConnectionPath,
    ConnectionStep,
    EdgeKind,
    Network,
    NetworkEdge,
    NetworkNode,
    RecordKind,
    RecordRef,
)

# A quantifier's bound must be a literal, so each depth has its own (otherwise equal) file.
_NETWORK_BY_DEPTH: dict[int, LiteralString] = {
    1: cypher("steward/network_depth_1"),
    2: cypher("steward/network_depth_2"),
    3: cypher("steward/network_depth_3"),
}


def _edge(row: dict[str, Any]) -> NetworkEdge:
    related = bool(row["relatedTo"])
    return NetworkEdge(
        id=row["id"],
        kind=EdgeKind.RELATED_TO if related else EdgeKind.MEMBER_OF,
        from_id=row["fromId"],
        to_id=row["toId"],
        type=row.get("type") if related else None,
        guardian=bool(row.get("guardian")) if related else False,
        household=row.get("household") if related else None,
        secondary=None if related else bool(row.get("secondary")),
        start_date=row.get("startDate"),
        end_date=row.get("endDate"),
    )


async def network(
    read: ViewRows, *, center_id: str, depth: int, limit: int, as_of: date
) -> Network | None:
    """The network around the person or household `center_id`; None when it doesn't exist
    (or is a merged alias)."""
    rows = await read(
        _NETWORK_BY_DEPTH[depth],
        centerId=center_id,
        asOf=as_of,
        limit=limit,
        fetch=limit + 1,
    )
    if not rows:
        return None
    row = rows[0]
    nodes = [
        NetworkNode(**record_ref(node).model_dump(), depth=node["depth"]) for node in row["nodes"]
    ]
    return Network(
        center=nodes[0],
        as_of=as_of,
        depth=depth,
        limit=limit,
        nodes=nodes,
        edges=[_edge(edge) for edge in row["edges"]],
        truncated=bool(row["truncated"]),
    )


def _description(edge: NetworkEdge, source: RecordRef, target: RecordRef) -> str:
    """The hop in words, read from `source` to `target`."""
    if edge.kind is EdgeKind.MEMBER_OF:
        if source.kind is RecordKind.PERSON:
            return f"{source.label} is a member of {target.label}"
        return f"{target.label} is a member of {source.label}"
    kind = edge.type or "related (no type)"
    if edge.from_id == source.id:
        return f"{source.label} is {target.label}'s {kind}"
    return f"{target.label} is {source.label}'s {kind}"


def _path(path: dict[str, Any]) -> ConnectionPath:
    refs = [record_ref(node) for node in path["nodes"]]
    steps = []
    for hop, edge_row in enumerate(path["edges"]):
        edge = _edge(edge_row)
        source, target = refs[hop], refs[hop + 1]
        steps.append(
            ConnectionStep(
                source=source,
                target=target,
                edge=edge,
                description=_description(edge, source, target),
            )
        )
    return ConnectionPath(steps=steps)


async def connection(
    read: ViewRows,
    *,
    from_person_id: str,
    to_person_id: str,
    max_length: int,
    max_paths: int,
    as_of: date,
) -> Connection | None:
    """The shortest paths between the two people; None when either doesn't exist."""
    rows = await read(
        cypher("steward/connection_paths"),
        fromId=from_person_id,
        toId=to_person_id,
        asOf=as_of,
        maxLength=max_length,
        maxPaths=max_paths,
    )
    if not rows:
        return None
    row = rows[0]
    paths = [_path(path) for path in row["paths"]]
    return Connection(
        from_person=record_ref(row["fromPerson"]),
        to_person=record_ref(row["toPerson"]),
        as_of=as_of,
        max_length=max_length,
        length=len(paths[0].steps) if paths else None,
        paths=paths,
    )
