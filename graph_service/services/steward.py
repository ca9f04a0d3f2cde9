"""The data steward's read-only views over the whole district: the network around a record,
how two people are connected, households sharing an address or phone, duplicate-person
candidates and the census data-quality report. Each is one Cypher round trip, bounded, and
as of a day (default: today on the service clock). The caller's district-wide grant is
checked inside each view's statement (services.steward_gate)."""

from __future__ import annotations

from datetime import date

from graph_service.db import steward_census, steward_network, steward_shared
from graph_service.domain.pages import Page, page_limit
from graph_service.domain.steward import (
    MAX_CONNECTION_LENGTH,
    MAX_CONNECTION_PATHS,
    MAX_NETWORK_DEPTH,
    MAX_NETWORK_NODES,
    CensusFinding,
    CensusRule,
    CensusSummary,
    Connection,
    CountedPage,
    DuplicateEvidence,
    DuplicatePair,
    Network,
    SharedBy,
    SharedContact,
)
from graph_service.errors import BadInput, NotFound
from graph_service.services.steward_gate import DistrictView

_EVIDENCE_WORDS = {
    DuplicateEvidence.NAME_AND_BIRTH_DATE: "same name and birth date",
    DuplicateEvidence.NAME_AND_HOUSEHOLD: "same name in the same household",
    DuplicateEvidence.BIRTH_DATE_AND_PHONE: "same birth date and phone",
}


def _within(value: int, low: int, high: int, field: str) -> int:
    if not low <= value <= high:
        raise BadInput(field, f"must be between {low} and {high}")
    return value


async def relationship_network(
    view: DistrictView,
    center_id: str,
    *,
    depth: int = 2,
    limit: int = 200,
    as_of: date | None = None,
) -> Network:
    """People and households within `depth` (1..3) hops of the person or household
    `center_id` over relationships and memberships current on `as_of`, nearest first, at
    most `limit` (1..500) nodes (`truncated` says more were in reach), with every such edge
    among them. NotFound for an unknown id or a merged person. One round trip."""
    network = await steward_network.network(
        view.read,
        center_id=center_id,
        depth=_within(depth, 1, MAX_NETWORK_DEPTH, "depth"),
        limit=_within(limit, 1, MAX_NETWORK_NODES, "limit"),
        as_of=as_of or view.runtime.today(),
    )
    if network is None:
        raise NotFound("Person or household", center_id)
    return network


async def connection_between(
    view: DistrictView,
    from_person_id: str,
    to_person_id: str,
    *,
    max_length: int = MAX_CONNECTION_LENGTH,
    as_of: date | None = None,
) -> Connection:
    """The shortest paths (up to 10) from one person to another over relationships and
    shared households current on `as_of`, at most `max_length` (1..6) hops; `paths` is
    empty when they are not connected that closely. NotFound for an unknown or merged
    person. One round trip."""
    if from_person_id == to_person_id:
        raise BadInput("toPersonId", "must be another person than fromPersonId")
    connection = await steward_network.connection(
        view.read,
        from_person_id=from_person_id,
        to_person_id=to_person_id,
        max_length=_within(max_length, 1, MAX_CONNECTION_LENGTH, "maxLength"),
        max_paths=MAX_CONNECTION_PATHS,
        as_of=as_of or view.runtime.today(),
    )
    if connection is None:
        raise NotFound("Person", f"{from_person_id} or {to_person_id}")
    return connection


async def households_sharing(
    view: DistrictView,
    shared_by: SharedBy,
    *,
    household_id: str | None = None,
    as_of: date | None = None,
    ever: bool = False,
    first: int = 20,
    after: str | None = None,
) -> Page[SharedContact]:
    """Addresses (or household phone numbers) that two or more households have on `as_of`,
    or ever had when `ever` (give one or the other); with `household_id`, only that
    household's (an unknown id finds none). Sorted by address key or number; each lists up
    to 50 households with their dates and counts them all. One round trip."""
    if ever and as_of is not None:
        raise BadInput("asOf", "give asOf or ever, not both")
    return await steward_shared.shared_contacts(
        view.read,
        shared_by=shared_by,
        household_id=household_id,
        as_of=as_of or view.runtime.today(),
        ever=ever,
        limit=page_limit(first),
        after=after,
    )


async def duplicate_candidates(
    view: DistrictView, *, as_of: date | None = None, first: int = 20, after: str | None = None
) -> CountedPage[DuplicatePair]:
    """Pairs of live person records that may be one person, with the evidence (same name
    and birth date; same name in a household both belong to on `as_of`; same birth date
    and a phone both have on `as_of`), sorted by name. One round trip."""
    total, page = await steward_shared.duplicate_pairs(
        view.read,
        as_of=as_of or view.runtime.today(),
        limit=page_limit(first),
        after=after,
    )
    return CountedPage[DuplicatePair](
        items=page.items, next_cursor=page.next_cursor, total_count=total
    )


async def census_summary(view: DistrictView, *, as_of: date | None = None) -> CensusSummary:
    """How many records break each census rule on `as_of`. One round trip."""
    return await steward_census.census_summary(view.read, as_of=as_of or view.runtime.today())


def _duplicate_finding(pair: DuplicatePair) -> CensusFinding:
    return CensusFinding(
        rule=CensusRule.DUPLICATE_PERSON_CANDIDATES,
        subject=pair.first,
        related=[pair.second],
        detail="; ".join(_EVIDENCE_WORDS[kind] for kind in pair.evidence),
    )


async def census_findings(
    view: DistrictView,
    rule: CensusRule,
    *,
    as_of: date | None = None,
    first: int = 20,
    after: str | None = None,
) -> CountedPage[CensusFinding]:
    """The records breaking one census rule on `as_of`, a page at a time, with the rule's
    total. One round trip."""
    day = as_of or view.runtime.today()
    limit = page_limit(first)
    if rule is CensusRule.DUPLICATE_PERSON_CANDIDATES:
        total, pairs = await steward_shared.duplicate_pairs(
            view.read, as_of=day, limit=limit, after=after
        )
        items = [_duplicate_finding(pair) for pair in pairs.items]
        return CountedPage[CensusFinding](
            items=items, next_cursor=pairs.next_cursor, total_count=total
        )
    total, page = await steward_census.census_findings(
        view.read, rule=rule, as_of=day, limit=limit, after=after
    )
    return CountedPage[CensusFinding](
        items=page.items, next_cursor=page.next_cursor, total_count=total
    )
