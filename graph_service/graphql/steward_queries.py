"""The data steward's root fields: read-only, district-wide, audited like every read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import strawberry

from graph_service.domain.steward import CensusRule, RecordKind, RecordRef, SharedBy
from graph_service.graphql.authorization import DistrictReader
from graph_service.graphql.connections import PageInfo
from graph_service.graphql.context import Info
from graph_service.graphql.ids import raw_id
from graph_service.graphql.types.steward import (
    CensusFinding,
    CensusRuleCount,
    CensusRuleEnum,
    Connection,
    DuplicatePair,
    Listing,
    Network,
    SharedByEnum,
    SharedContact,
)
from graph_service.services import steward
from graph_service.services.steward_gate import DistrictView

_PERSONAL = (RecordKind.PERSON, RecordKind.HOUSEHOLD)


def _view(info: Info) -> DistrictView:
    return info.context.district_view(info.field_name)


def _audit(info: Info, view: DistrictView, ids: Iterable[str]) -> None:
    """Queue the audit of a steward view: every person and household it shows, in the shape
    of every other read (a view that shows none, such as the census counts, is audited too)."""
    caller = view.caller  # as the view's statement read it
    if caller is None:
        return
    info.context.read_audit.record(
        employee_id=caller.employee_id,
        operation=info.field_name,
        object_ids=list(dict.fromkeys(ids)),
        allowed=True,
        policy_version=caller.grant.policy_version if caller.grant else "",
        reason="district-wide steward view",
    )


def _records(*refs: RecordRef) -> Iterator[str]:
    """The ids of the people and households among `refs` (not relationships or schools)."""
    return (ref.id for ref in refs if ref.kind in _PERSONAL)


def _page_info(next_cursor: str | None) -> PageInfo:
    return PageInfo(has_next_page=next_cursor is not None, end_cursor=next_cursor)


@strawberry.type
class StewardQueries:
    @strawberry.field(
        description="People and households within `depth` (1-3) hops of a person or household, "
        "as nodes and edges to draw; at most `limit` (1-500) nodes.",
        permission_classes=[DistrictReader],
    )
    async def relationship_network(
        self,
        info: Info,
        person_id: strawberry.ID | None = None,
        household_id: strawberry.ID | None = None,
        depth: int = 2,
        limit: int = 200,
        as_of: date | None = None,
    ) -> Network:
        center = raw_id(person_id or household_id or "")
        view = _view(info)
        found = await steward.relationship_network(
            view, center, depth=depth, limit=limit, as_of=as_of
        )
        _audit(info, view, _records(found.center, *found.nodes))
        return Network.from_model(found)

    @strawberry.field(
        description="The shortest ways two people are connected through relationships and "
        "shared households (at most `maxLength` hops).",
        permission_classes=[DistrictReader],
    )
    async def connection(
        self,
        info: Info,
        from_person_id: strawberry.ID,
        to_person_id: strawberry.ID,
        max_length: int = 6,
        as_of: date | None = None,
    ) -> Connection:
        view = _view(info)
        found = await steward.connection_between(
            view, raw_id(from_person_id), raw_id(to_person_id),
            max_length=max_length, as_of=as_of,
        )  # fmt: skip
        steps = [step for path in found.paths for step in path.steps]
        _audit(
            info,
            view,
            _records(
                found.from_person,
                found.to_person,
                *(ref for step in steps for ref in (step.source, step.target)),
            ),
        )
        return Connection.from_model(found)

    @strawberry.field(
        description="Addresses or phones shared by several households, now (or `asOf`) or ever.",
        permission_classes=[DistrictReader],
    )
    async def households_sharing(
        self,
        info: Info,
        by: SharedByEnum,  # type: ignore[valid-type]  # strawberry.enum returns the enum class
        household_id: strawberry.ID | None = None,
        ever: bool = False,
        as_of: date | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Listing[SharedContact]:
        view = _view(info)
        page = await steward.households_sharing(
            view, SharedBy(by),
            household_id=raw_id(household_id) if household_id else None,
            as_of=as_of, ever=ever, first=first, after=after,
        )  # fmt: skip
        _audit(info, view, _records(*(h.household for s in page.items for h in s.households)))
        return Listing(
            items=[SharedContact.from_model(item) for item in page.items],
            total_count=None,
            page_info=_page_info(page.next_cursor),
        )

    @strawberry.field(
        description="Person records that may be the same human, with the evidence.",
        permission_classes=[DistrictReader],
    )
    async def duplicate_candidates(
        self, info: Info, as_of: date | None = None, first: int = 20, after: str | None = None
    ) -> Listing[DuplicatePair]:
        view = _view(info)
        page = await steward.duplicate_candidates(view, as_of=as_of, first=first, after=after)
        _audit(
            info, view, _records(*(ref for pair in page.items for ref in (pair.first, pair.second)))
        )
        return Listing(
            items=[DuplicatePair.from_model(item) for item in page.items],
            total_count=page.total_count,
            page_info=_page_info(page.next_cursor),
        )

    @strawberry.field(
        description="The census data-quality report: how many records break each rule.",
        permission_classes=[DistrictReader],
    )
    async def census_report(self, info: Info, as_of: date | None = None) -> list[CensusRuleCount]:
        view = _view(info)
        summary = await steward.census_summary(view, as_of=as_of)
        _audit(info, view, [])  # counts only, yet a look over every record in the district
        return [CensusRuleCount(rule=item.rule, count=item.count) for item in summary.rules]

    @strawberry.field(
        description="The records behind one census rule, paginated.",
        permission_classes=[DistrictReader],
    )
    async def census_findings(
        self,
        info: Info,
        rule: CensusRuleEnum,  # type: ignore[valid-type]  # strawberry.enum returns the enum class
        as_of: date | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Listing[CensusFinding]:
        view = _view(info)
        page = await steward.census_findings(
            view, CensusRule(rule), as_of=as_of, first=first, after=after
        )
        _audit(info, view, _records(*(ref for f in page.items for ref in (f.subject, *f.related))))
        return Listing(
            items=[CensusFinding.from_model(item) for item in page.items],
            total_count=page.total_count,
            page_info=_page_info(page.next_cursor),
        )
