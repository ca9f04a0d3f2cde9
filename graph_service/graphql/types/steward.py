"""The data steward's views: networks, connections, shared contacts, duplicates, census."""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

import strawberry

from graph_service.domain import steward as model
from graph_service.graphql.authorization import guarded_by_parent
from graph_service.graphql.connections import PageInfo
from graph_service.graphql.ids import to_global_id

RecordKindEnum = strawberry.enum(model.RecordKind, name="RecordKind")
EdgeKindEnum = strawberry.enum(model.EdgeKind, name="EdgeKind")
SharedByEnum = strawberry.enum(model.SharedBy, name="SharedBy")
EvidenceEnum = strawberry.enum(model.DuplicateEvidence, name="DuplicateEvidence")
CensusRuleEnum = strawberry.enum(model.CensusRule, name="CensusRule")
T = TypeVar("T")
_GLOBAL = {model.RecordKind.PERSON: "Person", model.RecordKind.HOUSEHOLD: "Household"}


def _id(ref: model.RecordRef) -> strawberry.ID:
    kind = _GLOBAL.get(ref.kind)
    return strawberry.ID(to_global_id(kind, ref.id) if kind else ref.id)


@guarded_by_parent
@strawberry.type(description="A record a steward can open: global id, kind, display name.")
class RecordRef:
    id: strawberry.ID
    kind: RecordKindEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    label: str

    @classmethod
    def from_model(cls, ref: model.RecordRef) -> RecordRef:
        return cls(id=_id(ref), kind=ref.kind, label=ref.label)


@guarded_by_parent
@strawberry.type(description="A node of a drawn network, with its distance from the centre.")
class NetworkNode(RecordRef):
    depth: int

    @classmethod
    def from_node(cls, node: model.NetworkNode) -> NetworkNode:
        return cls(id=_id(node), kind=node.kind, label=node.label, depth=node.depth)


@guarded_by_parent
@strawberry.type(description="An edge of a drawn network (source and target are node ids).")
class NetworkEdge:
    id: str
    kind: EdgeKindEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    source: strawberry.ID
    target: strawberry.ID
    label: str | None = strawberry.field(description="The relationship type, or null.")
    guardian: bool
    household_relationship: bool | None
    secondary: bool | None
    start_date: date | None
    end_date: date | None

    @classmethod
    def from_model(cls, edge: model.NetworkEdge, kinds: dict[str, model.RecordKind]) -> NetworkEdge:
        def ref(raw: str) -> strawberry.ID:
            kind = kinds.get(raw, model.RecordKind.PERSON)
            return _id(model.RecordRef(id=raw, kind=kind, label=""))

        return cls(
            id=edge.id,
            kind=edge.kind,
            source=ref(edge.from_id),
            target=ref(edge.to_id),
            label=edge.type,
            guardian=edge.guardian,
            household_relationship=edge.household,
            secondary=edge.secondary,
            start_date=edge.start_date,
            end_date=edge.end_date,
        )


@guarded_by_parent
@strawberry.type(description="People and households around a centre, bounded in size.")
class Network:
    center: NetworkNode
    as_of: date
    depth: int
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool = strawberry.field(description="More were in reach than `limit` allowed.")

    @classmethod
    def from_model(cls, network: model.Network) -> Network:
        kinds = {node.id: node.kind for node in network.nodes}
        return cls(
            center=NetworkNode.from_node(network.center),
            as_of=network.as_of,
            depth=network.depth,
            nodes=[NetworkNode.from_node(node) for node in network.nodes],
            edges=[NetworkEdge.from_model(edge, kinds) for edge in network.edges],
            truncated=network.truncated,
        )


@guarded_by_parent
@strawberry.type(description="One hop of a connection between two people.")
class ConnectionStep:
    source: RecordRef
    target: RecordRef
    description: str


@guarded_by_parent
@strawberry.type(description="How two people are connected: the shortest paths found.")
class Connection:
    from_person: RecordRef
    to_person: RecordRef
    as_of: date
    length: int | None = strawberry.field(description="Hops of the shortest path; null: none.")
    paths: list[list[ConnectionStep]]

    @classmethod
    def from_model(cls, found: model.Connection) -> Connection:
        return cls(
            from_person=RecordRef.from_model(found.from_person),
            to_person=RecordRef.from_model(found.to_person),
            as_of=found.as_of,
            length=found.length,
            paths=[
                [
                    ConnectionStep(
                        source=RecordRef.from_model(step.source),
                        target=RecordRef.from_model(step.target),
                        description=step.description,
                    )
                    for step in path.steps
                ]
                for path in found.paths
            ],
        )


@guarded_by_parent
@strawberry.type(description="An address or phone and the households that share it.")
class SharedContact:
    shared_by: SharedByEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    label: str
    household_count: int
    households: list[RecordRef]

    @classmethod
    def from_model(cls, shared: model.SharedContact) -> SharedContact:
        return cls(
            shared_by=shared.shared_by,
            label=shared.label,
            household_count=shared.household_count,
            households=[RecordRef.from_model(h.household) for h in shared.households],
        )


@guarded_by_parent
@strawberry.type(description="Two person records that may be one person, with the evidence.")
class DuplicatePair:
    first: RecordRef
    second: RecordRef
    birth_date: date | None
    evidence: list[EvidenceEnum]  # type: ignore[valid-type]  # strawberry.enum's class

    @classmethod
    def from_model(cls, pair: model.DuplicatePair) -> DuplicatePair:
        return cls(
            first=RecordRef.from_model(pair.first),
            second=RecordRef.from_model(pair.second),
            birth_date=pair.birth_date,
            evidence=list(pair.evidence),
        )


@guarded_by_parent
@strawberry.type(description="How many records break one census rule.")
class CensusRuleCount:
    rule: CensusRuleEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    count: int


@guarded_by_parent
@strawberry.type(description="One record that breaks a census rule, and who else is involved.")
class CensusFinding:
    rule: CensusRuleEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    subject: RecordRef
    related: list[RecordRef]
    detail: str

    @classmethod
    def from_model(cls, finding: model.CensusFinding) -> CensusFinding:
        return cls(
            rule=finding.rule,
            subject=RecordRef.from_model(finding.subject),
            related=[RecordRef.from_model(r) for r in finding.related],
            detail=finding.detail,
        )


@guarded_by_parent
@strawberry.type(description="A page of a steward list, with the total and the next cursor.")
class Listing(Generic[T]):
    items: list[T]
    total_count: int | None = strawberry.field(description="All matches (null: not counted).")
    page_info: PageInfo
