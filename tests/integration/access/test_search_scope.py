"""A search narrowed by a school's grant keeps exactly what the access decision allows.

The narrowing lives in the search statements (one query for a clerk's page) and the rule it
applies is the decision's own (`cypher/fragments/`); this compares the two on a generated
district with movers, ended memberships and enrolments at many schools, on two days.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.access.decision import SchoolScope
from graph_service.clock import FixedClock
from graph_service.db import search
from graph_service.db.access_decision import households_in_school_scope
from graph_service.db.cypher import cypher
from graph_service.db.scope import households_of_people
from graph_service.demo import DEMO_INSTANT
from graph_service.domain.pages import Page
from graph_service.seeding.demo import load_demo_district
from graph_service.settings import Settings

TODAY = DEMO_INSTANT.date()
EVERYTHING = 100_000
DAYS = [TODAY, TODAY - timedelta(days=400)]

HouseholdSearch = Callable[..., Awaitable[Page[Any]]]
HOUSEHOLD_SEARCHES: dict[str, tuple[HouseholdSearch, dict[str, Any]]] = {
    "name": (search.search_households_by_name, {"prefix": ""}),
    "address": (search.search_households_by_address, {"street_prefix": ""}),
    "member name": (
        search.search_households_by_member_name,
        {"last_prefix": "", "first_prefix": ""},
    ),
}


@pytest.fixture
async def district(db: AsyncDriver, settings: Settings) -> list[str]:
    """The demo district's schools, loaded into the emptied database."""
    await load_demo_district(
        db, settings.neo4j_database, households=150, seed=11, clock=FixedClock(DEMO_INSTANT)
    )
    records, _, _ = await db.execute_query(
        cypher("testing/school_ids"), database_=settings.neo4j_database
    )
    return [record["id"] for record in records]


async def _ids(
    find: HouseholdSearch,
    db: AsyncDriver,
    settings: Settings,
    scope: SchoolScope | None,
    **terms: Any,
) -> list[str]:
    page = await find(
        db, limit=EVERYTHING, after=None, database=settings.neo4j_database, scope=scope, **terms
    )
    return [item.id for item in page.items]


@pytest.mark.parametrize("kind", list(HOUSEHOLD_SEARCHES))
@pytest.mark.parametrize("day", DAYS, ids=["today", "400 days ago"])
async def test_a_scoped_household_search_keeps_exactly_the_decisions_households(
    kind: str, day: date, district: list[str], db: AsyncDriver, settings: Settings
) -> None:
    find, terms = HOUSEHOLD_SEARCHES[kind]
    everything = await _ids(find, db, settings, None, **terms)
    kept_somewhere = 0
    for school in district:
        allowed = await households_in_school_scope(
            db, database=settings.neo4j_database, household_ids=everything,
            school_ids=[school], on_date=day,
        )  # fmt: skip
        scope = SchoolScope(school_ids=[school], on_date=day, as_of=day)
        narrowed = await _ids(find, db, settings, scope, **terms)
        assert narrowed == [h for h in everything if h in allowed], school
        kept_somewhere += len(narrowed)
    assert kept_somewhere > 0, "the district should put households in some school's scope"


@pytest.mark.parametrize("day", DAYS, ids=["today", "400 days ago"])
async def test_a_scoped_people_search_keeps_exactly_the_decisions_people(
    day: date, district: list[str], db: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    page = await search.search_people_by_name(
        db, last_prefix="", first_prefix="", limit=EVERYTHING, after=None, database=database
    )
    everyone = [person.id for person in page.items]
    placed = await households_of_people(db, person_ids=everyone, as_of=day, database=database)
    households = sorted({h for scope in placed.values() for h in scope.household_ids})
    kept_somewhere = 0
    for school in district:
        # What the API's people_in_scope allows: a household in scope, or an enrolment there.
        allowed_households = await households_in_school_scope(
            db, database=database, household_ids=households, school_ids=[school], on_date=day
        )
        expected = [
            p
            for p in everyone
            if allowed_households.intersection(placed[p].household_ids)
            or school in placed[p].school_ids
        ]
        scope = SchoolScope(school_ids=[school], on_date=day, as_of=day)
        narrowed = await search.search_people_by_name(
            db, last_prefix="", first_prefix="", limit=EVERYTHING, after=None,
            database=database, scope=scope,
        )  # fmt: skip
        assert [person.id for person in narrowed.items] == expected, school
        kept_somewhere += len(expected)
    assert 0 < kept_somewhere < len(everyone) * len(district)
