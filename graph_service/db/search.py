"""Searches over households and people, keyset-paged on a stable sort key. Each search is
one round trip and fetches one row more than the page to know whether more follow.

With a `SchoolScope` the statement itself keeps only what a school's grant covers, so a
school clerk's page is one query however small the school's share of the district's matches.
"""

from __future__ import annotations

from datetime import date
from typing import Any, LiteralString

from neo4j import AsyncDriver

from graph_service.access.decision import SchoolScope
from graph_service.db.cypher import cypher
from graph_service.db.run import read_all
from graph_service.domain.households import Household
from graph_service.domain.pages import Page, decode_cursor, encode_cursor
from graph_service.domain.people import Person, name_key


def _scope_parameters(scope: SchoolScope | None) -> dict[str, Any]:
    if scope is None:
        return {"schoolIds": None, "onDate": None, "asOf": None}
    return {"schoolIds": scope.school_ids, "onDate": scope.on_date, "asOf": scope.as_of}


async def _household_page(
    driver: AsyncDriver,
    statement: LiteralString,
    *,
    database: str,
    limit: int,
    after: str | None,
    scope: SchoolScope | None,
    **params: Any,
) -> Page[Household]:
    """Households sorted by (normalized name, id), after the cursor's key."""
    after_key, after_id = decode_cursor(after, 2)
    rows = await read_all(
        driver,
        statement,
        database=database,
        afterKey=after_key,
        afterId=after_id,
        limit=limit + 1,
        **_scope_parameters(scope),
        **params,
    )
    items = [Household.model_validate(row["household"]) for row in rows[:limit]]
    more = len(rows) > limit
    cursor = encode_cursor([name_key(items[-1].name), items[-1].id]) if more else None
    return Page[Household](items=items, next_cursor=cursor)


async def _person_page(
    driver: AsyncDriver,
    statement: LiteralString,
    *,
    database: str,
    limit: int,
    after: str | None,
    scope: SchoolScope | None,
    **params: Any,
) -> Page[Person]:
    """People sorted by (last name key, first name key, id), after the cursor's key."""
    after_last, after_first, after_id = decode_cursor(after, 3)
    rows = await read_all(
        driver,
        statement,
        database=database,
        afterLast=after_last,
        afterFirst=after_first,
        afterId=after_id,
        limit=limit + 1,
        **_scope_parameters(scope),
        **params,
    )
    items = [Person.model_validate(row["person"]) for row in rows[:limit]]
    cursor = None
    if len(rows) > limit:
        last = items[-1]
        cursor = encode_cursor([name_key(last.last_name), name_key(last.first_name), last.id])
    return Page[Person](items=items, next_cursor=cursor)


async def search_households_by_name(
    driver: AsyncDriver,
    *,
    prefix: str,
    limit: int,
    after: str | None,
    database: str,
    scope: SchoolScope | None = None,
) -> Page[Household]:
    return await _household_page(
        driver,
        cypher("households/search_households_by_name"),
        database=database,
        limit=limit,
        after=after,
        scope=scope,
        prefix=prefix,
    )


async def search_households_by_address(
    driver: AsyncDriver,
    *,
    street_prefix: str,
    limit: int,
    after: str | None,
    database: str,
    scope: SchoolScope | None = None,
) -> Page[Household]:
    return await _household_page(
        driver,
        cypher("households/search_households_by_address"),
        database=database,
        limit=limit,
        after=after,
        scope=scope,
        prefix=street_prefix,
        # A street name begins after a space in the key ("12 MAIN ST"), never mid-word.
        streetName=f" {street_prefix}",
    )


async def search_households_by_phone(
    driver: AsyncDriver,
    *,
    number: str,
    limit: int,
    after: str | None,
    database: str,
    scope: SchoolScope | None = None,
) -> Page[Household]:
    return await _household_page(
        driver,
        cypher("households/search_households_by_phone"),
        database=database,
        limit=limit,
        after=after,
        scope=scope,
        number=number,
    )


async def search_households_by_member_name(
    driver: AsyncDriver,
    *,
    last_prefix: str,
    first_prefix: str,
    limit: int,
    after: str | None,
    database: str,
    scope: SchoolScope | None = None,
) -> Page[Household]:
    return await _household_page(
        driver,
        cypher("households/search_households_by_member_name"),
        database=database,
        limit=limit,
        after=after,
        scope=scope,
        lastPrefix=last_prefix,
        firstPrefix=first_prefix,
    )


async def search_people_by_name(
    driver: AsyncDriver,
    *,
    last_prefix: str,
    first_prefix: str,
    limit: int,
    after: str | None,
    database: str,
    scope: SchoolScope | None = None,
) -> Page[Person]:
    return await _person_page(
        driver,
        cypher("people/search_people_by_name"),
        database=database,
        limit=limit,
        after=after,
        scope=scope,
        lastPrefix=last_prefix,
        firstPrefix=first_prefix,
    )


async def search_people_by_birth_date(
    driver: AsyncDriver,
    *,
    birth_date: date,
    limit: int,
    after: str | None,
    database: str,
    scope: SchoolScope | None = None,
) -> Page[Person]:
    return await _person_page(
        driver,
        cypher("people/search_people_by_birth_date"),
        database=database,
        limit=limit,
        after=after,
        scope=scope,
        birthDate=birth_date,
    )


async def search_people_by_student_number(
    driver: AsyncDriver,
    *,
    student_number: str,
    limit: int,
    after: str | None,
    database: str,
    scope: SchoolScope | None = None,
) -> Page[Person]:
    return await _person_page(
        driver,
        cypher("people/search_people_by_student_number"),
        database=database,
        limit=limit,
        after=after,
        scope=scope,
        studentNumber=student_number,
    )
