"""Root query fields. Household and person reads are compiled: each root field is one Cypher
statement built from its selection, with the caller's grant and scope checked inside it."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

import graph_service
from graph_service.db import audit
from graph_service.db.read_compiler import Selected
from graph_service.errors import BadInput
from graph_service.graphql.access_history_queries import AccessHistoryQueries
from graph_service.graphql.authorization import (
    AccessAdministrator,
    Anyone,
    Authenticated,
    CompiledRead,
    guarded_by_parent,
)
from graph_service.graphql.connections import Connection, Edge, PageInfo
from graph_service.graphql.context import Info
from graph_service.graphql.ids import from_global_id, raw_id
from graph_service.graphql.merges import MergeQueries
from graph_service.graphql.selection import selected_of
from graph_service.graphql.steward_queries import StewardQueries
from graph_service.graphql.types.access import AccessStatus, AuditEvent
from graph_service.graphql.types.household import Household
from graph_service.graphql.types.node import Node
from graph_service.graphql.types.person import Person
from graph_service.services.access_status import get_access_status
from graph_service.services.compiled_reads import KINDS, Reader
from graph_service.services.searches import HOUSEHOLD_SEARCHES, PERSON_SEARCHES, Search, chosen

MAX_NODES = 100


@guarded_by_parent
@strawberry.type(description="What this service is and which version answers.")
class ServiceInfo:
    name: str
    version: str


@strawberry.input(one_of=True, description="Exactly one way to search households.")
class HouseholdSearch:
    name_prefix: str | None = strawberry.UNSET
    address_prefix: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    member_last_name: str | None = strawberry.UNSET


@strawberry.input(one_of=True, description="Exactly one way to search people.")
class PersonSearch:
    last_name: str | None = strawberry.UNSET
    birth_date: date | None = strawberry.UNSET
    student_number: str | None = strawberry.UNSET


def _terms(by: object) -> dict[str, Any]:
    """The fields a search input was given."""
    return {key: value for key, value in vars(by).items() if value is not strawberry.UNSET}


def _reader(info: Info) -> Reader:
    return info.context.reader(info.field_name)


async def _one(info: Info, kind: str, identifier: str, as_of: date | None) -> Any:
    """The household or person as the request selected it, in one statement."""
    selection = selected_of(info, kind)
    return await _reader(info).one(kind, raw_id(identifier), selection, as_of=as_of)


async def _nodes(info: Info, ids: list[strawberry.ID]) -> list[Any]:
    """Households and people by global id, scope-checked in the same statement. Addresses,
    phones and relationships are reached through their owner, so they, like unknown,
    missing and out-of-scope ids, answer null."""
    decoded = [from_global_id(identifier) for identifier in ids]
    wanted = {kind: [raw for k, raw in filter(None, decoded) if k == kind] for kind in KINDS}
    selections = {kind: selected_of(info, kind) for kind in KINDS}
    found = await _reader(info).nodes(wanted, selections)
    return [found.get(item) if item else None for item in decoded]


async def _page(
    info: Info, search: Search, term: object, first: int, after: str | None, as_of: date | None
) -> Connection[Any]:
    """One page of a search, with the selected fields of its nodes, in one statement."""
    selection = _merge(
        selected_of(info, search.kind, ("edges", "node")),
        selected_of(info, search.kind, ("nodes",)),
    )
    found = await _reader(info).page(search, term, selection, first=first, after=after, as_of=as_of)
    edges = [Edge(cursor=c, node=n) for c, n in zip(found.cursors, found.nodes, strict=True)]
    end = found.next_cursor
    return Connection(
        edges=edges, page_info=PageInfo(has_next_page=end is not None, end_cursor=end)
    )


def _merge(*selections: tuple[Selected, ...]) -> tuple[Selected, ...]:
    """A connection's `edges { node }` and `nodes` read the same nodes: one projection."""
    by_name: dict[str, Selected] = {}
    for selection in selections:
        for field in selection:
            known = by_name.get(field.name)
            if known is not None:
                children = _merge(known.children, field.children)
                field = Selected(field.name, field.key, field.type_name, children)
            by_name[field.name] = field
    return tuple(sorted(by_name.values(), key=lambda field: field.name))


@strawberry.type
class Query(StewardQueries, MergeQueries, AccessHistoryQueries):
    @strawberry.field(
        description="The service's name and version; needs no authentication.",
        permission_classes=[Anyone],
    )
    def service(self) -> ServiceInfo:
        return ServiceInfo(name="household-graph-service", version=graph_service.__version__)

    @strawberry.field(
        description="Any household or person by global id; null when missing or out of scope.",
        permission_classes=[CompiledRead],
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return (await _nodes(info, [id]))[0]  # type: ignore[no-any-return]  # a projected map

    @strawberry.field(
        description=f"Several nodes at once (at most {MAX_NODES}), null where not visible.",
        permission_classes=[CompiledRead],
    )
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise BadInput("ids", f"ask for at most {MAX_NODES} ids at once")
        return await _nodes(info, ids)

    @strawberry.field(
        description="A household as it was on `asOf` (default today); null when missing or "
        "outside your access scope.",
        permission_classes=[CompiledRead],
    )
    async def household(
        self, info: Info, id: strawberry.ID, as_of: date | None = None
    ) -> Household | None:
        return await _one(info, "Household", id, as_of)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Households in your scope matching one search term, keyset-paged.",
        permission_classes=[CompiledRead],
    )
    async def households(
        self,
        info: Info,
        by: HouseholdSearch,
        first: int = 20,
        after: str | None = None,
        as_of: date | None = None,
    ) -> Connection[Household]:
        search, term = chosen(HOUSEHOLD_SEARCHES, _terms(by))
        return await _page(info, search, term, first, after, as_of)

    @strawberry.field(
        description="A person as they were on `asOf` (default today); null when missing or "
        "outside your access scope.",
        permission_classes=[CompiledRead],
    )
    async def person(
        self, info: Info, id: strawberry.ID, as_of: date | None = None
    ) -> Person | None:
        return await _one(info, "Person", id, as_of)  # type: ignore[no-any-return]

    @strawberry.field(
        description="People in your scope matching one search term, keyset-paged.",
        permission_classes=[CompiledRead],
    )
    async def people(
        self,
        info: Info,
        by: PersonSearch,
        first: int = 20,
        after: str | None = None,
        as_of: date | None = None,
    ) -> Connection[Person]:
        search, term = chosen(PERSON_SEARCHES, _terms(by))
        return await _page(info, search, term, first, after, as_of)

    @strawberry.field(
        description="Your own household access: status, checklist, dates and what to do next.",
        permission_classes=[Authenticated],
    )
    async def my_access(self, info: Info) -> AccessStatus:
        principal = info.context.require_principal()
        status = await get_access_status(info.context.runtime, principal.employee_id)
        return AccessStatus.from_model(status)

    @strawberry.field(
        description="The audit trail, oldest first, optionally for one staff member.",
        permission_classes=[AccessAdministrator],
    )
    async def audit_events(
        self, info: Info, employee_id: str | None = None, first: int = 100
    ) -> list[AuditEvent]:
        if not 1 <= first <= 1000:
            raise BadInput("first", "must be between 1 and 1000")
        runtime = info.context.runtime
        entries = await audit.list_entries(
            runtime.driver, database=runtime.database, employee_id=employee_id, limit=first
        )
        return [AuditEvent.from_entry(entry) for entry in entries]
