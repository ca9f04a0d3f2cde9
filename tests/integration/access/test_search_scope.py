"""A search narrowed by a school's grant keeps exactly what the access decision allows.

The narrowing lives in the API's compiled search statements (one statement for a clerk's
page, the grant read inside it) and the rule it applies is the decision's own
(`cypher/fragments/`); this compares the two on a generated district with movers, ended
memberships and enrolments at many schools, on two days, paging through every match.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from neo4j import AsyncDriver

from graph_service.clock import FixedClock
from graph_service.db.access_decision import households_in_school_scope
from graph_service.db.cypher import cypher
from graph_service.db.scope import households_of_people
from graph_service.demo import DEMO_INSTANT
from graph_service.seeding.demo import load_demo_district
from graph_service.settings import Settings
from tests.compiled_reads import give_active_grant, reader, search

TODAY = DEMO_INSTANT.date()
EVERYTHING = 100
DAYS = [TODAY, TODAY - timedelta(days=400)]
CLERK = "T-SCOPED-CLERK"
HOUSEHOLD_SEARCHES = {"name": ("name_prefix", "a"), "member name": ("member_last_name", "a")}


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
    db: AsyncDriver,
    settings: Settings,
    school: str | None,
    day: date,
    field: str,
    term: str,
    *,
    first: int = EVERYTHING,
) -> list[str]:
    """Every id the API's compiled search finds for a clerk of `school` (district-wide when
    None) on `day`, page after page."""
    now = datetime.combine(day, time(12), tzinfo=DEMO_INSTANT.tzinfo)
    database = settings.neo4j_database
    await give_active_grant(db, database, employee_id=CLERK, school_id=school, now=now)
    read = reader(db, database, FixedClock(now), CLERK)
    found: list[str] = []
    after = None
    while True:
        page = await search(read, field, term, first=first, after=after, as_of=day, everything=True)
        found += [node["id"] for node in page.nodes]
        if page.next_cursor is None:
            return found
        after = page.next_cursor


@pytest.mark.parametrize("kind", list(HOUSEHOLD_SEARCHES))
@pytest.mark.parametrize("day", DAYS, ids=["today", "400 days ago"])
async def test_a_scoped_household_search_keeps_exactly_the_decisions_households(
    kind: str, day: date, district: list[str], db: AsyncDriver, settings: Settings
) -> None:
    field, term = HOUSEHOLD_SEARCHES[kind]
    everything = await _ids(db, settings, None, day, field, term)
    kept_somewhere = 0
    for school in district:
        allowed = await households_in_school_scope(
            db, database=settings.neo4j_database, household_ids=everything,
            school_ids=[school], on_date=day,
        )  # fmt: skip
        narrowed = await _ids(db, settings, school, day, field, term)
        assert narrowed == [h for h in everything if h in allowed], school
        kept_somewhere += len(narrowed)
    assert kept_somewhere > 0, "the district should put households in some school's scope"


async def test_a_clerks_name_search_pages_through_its_schools_listings(
    district: list[str], db: AsyncDriver, settings: Settings
) -> None:
    """A school's clerk reads the per-school name index (LISTED_AT) in page order and tests
    each candidate by the scope rule until a page is found; paged 7 at a time, so that
    early stop meets the cursor, it finds exactly what the decision allows."""
    everything = await _ids(db, settings, None, TODAY, "name_prefix", "a")
    for school in district:
        allowed = await households_in_school_scope(
            db, database=settings.neo4j_database, household_ids=everything,
            school_ids=[school], on_date=TODAY,
        )  # fmt: skip
        narrowed = await _ids(db, settings, school, TODAY, "name_prefix", "a", first=7)
        assert narrowed == [h for h in everything if h in allowed], school


@pytest.mark.parametrize("day", DAYS, ids=["today", "400 days ago"])
async def test_a_scoped_people_search_keeps_exactly_the_decisions_people(
    day: date, district: list[str], db: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    everyone = await _ids(db, settings, None, day, "last_name", "a")
    placed = await households_of_people(db, person_ids=everyone, as_of=day, database=database)
    households = sorted({h for scope in placed.values() for h in scope.household_ids})
    kept_somewhere = 0
    for school in district:
        # The person rule: a household in scope, or an enrolment at the school.
        allowed_households = await households_in_school_scope(
            db, database=database, household_ids=households, school_ids=[school], on_date=day
        )
        expected = [
            p
            for p in everyone
            if allowed_households.intersection(placed[p].household_ids)
            or school in placed[p].school_ids
        ]
        assert await _ids(db, settings, school, day, "last_name", "a") == expected, school
        kept_somewhere += len(expected)
    assert 0 < kept_somewhere < len(everyone) * len(district)
