"""Root query fields: each authorizes through `authorization`, calls a service, maps a type."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

import strawberry

import graph_service
from graph_service.access.decision import SchoolScope
from graph_service.access.policy import Right
from graph_service.db import audit
from graph_service.domain.households import Household as HouseholdModel
from graph_service.domain.pages import Page, encode_cursor, page_limit
from graph_service.domain.people import Person as PersonModel
from graph_service.domain.people import name_key
from graph_service.errors import BadInput
from graph_service.graphql.authorization import (
    AccessAdministrator,
    Anyone,
    Authenticated,
    CanRead,
    CanReadHousehold,
    CanReadPerson,
    guarded_by_parent,
    households_in_scope,
    people_in_scope,
)
from graph_service.graphql.connections import Connection, Edge, PageInfo, scoped_page
from graph_service.graphql.context import Info
from graph_service.graphql.ids import from_global_id, raw_id
from graph_service.graphql.merges import MergeQueries
from graph_service.graphql.steward_queries import StewardQueries
from graph_service.graphql.types.access import AccessStatus, AuditEvent
from graph_service.graphql.types.household import Household
from graph_service.graphql.types.node import Node
from graph_service.graphql.types.person import Person
from graph_service.services import search
from graph_service.services.access_status import get_access_status

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


async def _household(info: Info, household_id: str, as_of: date | None) -> Household | None:
    """The household if it exists and is in scope; None alike for missing and forbidden."""
    day = as_of or info.context.runtime.today()
    identifier = raw_id(household_id)
    if not await households_in_scope(info, Right.READ, [identifier], operation="household"):
        return None
    view = await info.context.loaders.household.load((identifier, day))
    return Household.from_model(view) if view else None


async def _person(info: Info, person_id: str, as_of: date | None) -> Person | None:
    day = as_of or info.context.runtime.today()
    identifier = raw_id(person_id)
    if not await people_in_scope(info, Right.READ, [identifier], as_of=day, operation="person"):
        return None
    view = await info.context.loaders.person.load((identifier, day))
    return Person.from_model(view) if view else None


async def _nodes(info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
    """Households and people by global id, scope-checked in one decision per kind.
    Addresses, phones and relationships are reached through their owner, so they, like
    unknown, missing and out-of-scope ids, answer null."""
    day = info.context.runtime.today()
    decoded = [from_global_id(identifier) for identifier in ids]
    household_ids = [raw for kind, raw in filter(None, decoded) if kind == "Household"]
    person_ids = [raw for kind, raw in filter(None, decoded) if kind == "Person"]
    visible_households = set(
        await households_in_scope(info, Right.READ, household_ids, operation="nodes")
    )
    visible_people = set(
        await people_in_scope(info, Right.READ, person_ids, as_of=day, operation="nodes")
    )
    loaders = info.context.loaders
    household_views = await loaders.household.load_many([(h, day) for h in visible_households])
    person_views = await loaders.person.load_many([(p, day) for p in visible_people])
    found: dict[tuple[str, str], Node] = {}
    for household_view in filter(None, household_views):
        found[("Household", household_view.household.id)] = Household.from_model(household_view)
    for person_view in filter(None, person_views):
        found[("Person", person_view.person.id)] = Person.from_model(person_view)
    return [found.get(item) if item else None for item in decoded]


def _household_cursor(household: HouseholdModel) -> str:
    """The searches' keyset order for households: (name key, id)."""
    return encode_cursor([name_key(household.name), household.id])


def _person_cursor(person: PersonModel) -> str:
    """The searches' keyset order for people: (last name key, first name key, id)."""
    return encode_cursor([name_key(person.last_name), name_key(person.first_name), person.id])


async def _search_scope(info: Info, as_of: date) -> SchoolScope | None:
    """The caller's grant narrowing a search in its own query (None district-wide)."""
    caller = await info.context.caller()
    return caller.search_scope(on_date=info.context.runtime.today(), as_of=as_of)


def _household_search(
    info: Info, by: HouseholdSearch, scope: SchoolScope | None
) -> Callable[[str | None, int], Awaitable[Page[HouseholdModel]]]:
    ctx = info.context.use_case()
    if by.name_prefix:
        return lambda after, n: search.search_households_by_name(
            ctx, by.name_prefix or "", first=n, after=after, scope=scope
        )
    if by.address_prefix:
        return lambda after, n: search.search_households_by_address(
            ctx, by.address_prefix or "", first=n, after=after, scope=scope
        )
    if by.phone:
        return lambda after, n: search.search_households_by_phone(
            ctx, by.phone or "", first=n, after=after, scope=scope
        )
    if by.member_last_name:
        return lambda after, n: search.search_households_by_member_name(
            ctx, by.member_last_name or "", first=n, after=after, scope=scope
        )
    raise BadInput("by", "give one search term")


def _person_search(
    info: Info, by: PersonSearch, scope: SchoolScope | None
) -> Callable[[str | None, int], Awaitable[Page[PersonModel]]]:
    ctx = info.context.use_case()
    if by.last_name:
        return lambda after, n: search.search_people_by_name(
            ctx, by.last_name or "", first=n, after=after, scope=scope
        )
    if by.birth_date:
        return lambda after, n: search.search_people_by_birth_date(
            ctx, by.birth_date or date.min, first=n, after=after, scope=scope
        )
    if by.student_number:
        return lambda after, n: search.search_people_by_student_number(
            ctx, by.student_number or "", first=n, after=after, scope=scope
        )
    raise BadInput("by", "give one search term")


@strawberry.type
class Query(StewardQueries, MergeQueries):
    @strawberry.field(
        description="The service's name and version; needs no authentication.",
        permission_classes=[Anyone],
    )
    def service(self) -> ServiceInfo:
        return ServiceInfo(name="household-graph-service", version=graph_service.__version__)

    @strawberry.field(
        description="Any household or person by global id; null when missing or out of scope.",
        permission_classes=[CanRead],
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return (await _nodes(info, [id]))[0]

    @strawberry.field(
        description=f"Several nodes at once (at most {MAX_NODES}), null where not visible.",
        permission_classes=[CanRead],
    )
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise BadInput("ids", f"ask for at most {MAX_NODES} ids at once")
        return await _nodes(info, ids)

    @strawberry.field(
        description="A household as it was on `asOf` (default today); null when missing or "
        "outside your access scope.",
        permission_classes=[CanReadHousehold],
    )
    async def household(
        self, info: Info, id: strawberry.ID, as_of: date | None = None
    ) -> Household | None:
        return await _household(info, id, as_of)

    @strawberry.field(
        description="Households in your scope matching one search term, keyset-paged.",
        permission_classes=[CanRead],
    )
    async def households(
        self,
        info: Info,
        by: HouseholdSearch,
        first: int = 20,
        after: str | None = None,
        as_of: date | None = None,
    ) -> Connection[Household]:
        day = as_of or info.context.runtime.today()
        page_limit(first)

        async def visible(items: list[HouseholdModel]) -> list[HouseholdModel]:
            allowed = set(
                await households_in_scope(
                    info, Right.READ, [h.id for h in items], operation="households"
                )
            )
            return [h for h in items if h.id in allowed]

        items, cursor = await scoped_page(
            _household_search(info, by, await _search_scope(info, day)),
            visible,
            _household_cursor,
            first=first,
            after=after,
        )
        edges = [
            Edge(cursor=_household_cursor(h), node=Household.from_household(h, day)) for h in items
        ]
        return Connection(
            edges=edges, page_info=PageInfo(has_next_page=cursor is not None, end_cursor=cursor)
        )

    @strawberry.field(
        description="A person as they were on `asOf` (default today); null when missing or "
        "outside your access scope.",
        permission_classes=[CanReadPerson],
    )
    async def person(
        self, info: Info, id: strawberry.ID, as_of: date | None = None
    ) -> Person | None:
        return await _person(info, id, as_of)

    @strawberry.field(
        description="People in your scope matching one search term, keyset-paged.",
        permission_classes=[CanRead],
    )
    async def people(
        self,
        info: Info,
        by: PersonSearch,
        first: int = 20,
        after: str | None = None,
        as_of: date | None = None,
    ) -> Connection[Person]:
        day = as_of or info.context.runtime.today()
        page_limit(first)

        async def visible(items: list[PersonModel]) -> list[PersonModel]:
            allowed = set(
                await people_in_scope(
                    info, Right.READ, [p.id for p in items], as_of=day, operation="people"
                )
            )
            return [p for p in items if p.id in allowed]

        items, cursor = await scoped_page(
            _person_search(info, by, await _search_scope(info, day)),
            visible,
            _person_cursor,
            first=first,
            after=after,
        )
        views = await info.context.loaders.person.load_many([(p.id, day) for p in items])
        edges = [
            Edge(
                cursor=_person_cursor(p),
                node=Person.from_model(v),
            )
            for p, v in zip(items, views, strict=True)
            if v is not None
        ]
        return Connection(
            edges=edges, page_info=PageInfo(has_next_page=cursor is not None, end_cursor=cursor)
        )

    @strawberry.field(
        description="Your own household access: status, checklist, dates and what to do next.",
        permission_classes=[Authenticated],
    )
    async def my_access(self, info: Info) -> AccessStatus:
        principal = info.context.require_principal()
        status = await get_access_status(info.context.runtime, principal.employee_id)
        return AccessStatus.from_model(status)

    @strawberry.field(
        description="Any staff member's household access (access administrators).",
        permission_classes=[AccessAdministrator],
    )
    async def access_status(self, info: Info, employee_id: str) -> AccessStatus:
        status = await get_access_status(info.context.runtime, employee_id)
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
