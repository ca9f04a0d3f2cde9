"""Searches for households and people, each one round trip, paged by keyset cursors.
A `scope` narrows the search to what a school's grant covers, inside the same query."""

from __future__ import annotations

from datetime import date

from graph_service.access.decision import SchoolScope
from graph_service.db import search as search_data
from graph_service.domain.addresses import search_prefix
from graph_service.domain.households import Household
from graph_service.domain.pages import Page, page_limit
from graph_service.domain.people import Person, name_key
from graph_service.domain.phones import normalize_phone
from graph_service.errors import BadInput
from graph_service.services.context import UseCaseContext


def _prefix(text: str, field: str) -> str:
    key = name_key(text)
    if not key:
        raise BadInput(field, "type at least one letter or digit to search")
    return key


async def search_households_by_name(
    ctx: UseCaseContext,
    prefix: str,
    *,
    first: int = 20,
    after: str | None = None,
    scope: SchoolScope | None = None,
) -> Page[Household]:
    """Households whose name starts with `prefix` (case and accents ignored)."""
    return await search_data.search_households_by_name(
        ctx.driver,
        database=ctx.database,
        limit=page_limit(first),
        after=after,
        scope=scope,
        prefix=_prefix(prefix, "prefix"),
    )


async def search_households_by_address(
    ctx: UseCaseContext,
    address: str,
    *,
    first: int = 20,
    after: str | None = None,
    scope: SchoolScope | None = None,
) -> Page[Household]:
    """Households ever at an address starting "12 Main" (number, street, tag; or PO box),
    or on a street typed without its number ("Main St")."""
    key = search_prefix(address)
    if not key:
        raise BadInput("address", "type the start of an address to search")
    return await search_data.search_households_by_address(
        ctx.driver,
        database=ctx.database,
        limit=page_limit(first),
        after=after,
        scope=scope,
        street_prefix=key,
    )


async def search_households_by_phone(
    ctx: UseCaseContext,
    number: str,
    *,
    first: int = 20,
    after: str | None = None,
    scope: SchoolScope | None = None,
) -> Page[Household]:
    """Households that ever had this phone number (any format; compared in E.164)."""
    try:
        e164 = normalize_phone(number)
    except ValueError as error:
        raise BadInput("number", str(error)) from None
    return await search_data.search_households_by_phone(
        ctx.driver,
        database=ctx.database,
        limit=page_limit(first),
        after=after,
        scope=scope,
        number=e164,
    )


async def search_households_by_member_name(
    ctx: UseCaseContext,
    last_name: str,
    first_name: str = "",
    *,
    first: int = 20,
    after: str | None = None,
    scope: SchoolScope | None = None,
) -> Page[Household]:
    """Households with a member (ever) whose names start with these prefixes."""
    return await search_data.search_households_by_member_name(
        ctx.driver,
        database=ctx.database,
        limit=page_limit(first),
        after=after,
        scope=scope,
        last_prefix=_prefix(last_name, "lastName"),
        first_prefix=name_key(first_name),
    )


async def search_people_by_name(
    ctx: UseCaseContext,
    last_name: str,
    first_name: str = "",
    *,
    first: int = 20,
    after: str | None = None,
    scope: SchoolScope | None = None,
) -> Page[Person]:
    """People whose last (and first) names start with these prefixes."""
    return await search_data.search_people_by_name(
        ctx.driver,
        database=ctx.database,
        limit=page_limit(first),
        after=after,
        scope=scope,
        last_prefix=_prefix(last_name, "lastName"),
        first_prefix=name_key(first_name),
    )


async def search_people_by_birth_date(
    ctx: UseCaseContext,
    birth_date: date,
    *,
    first: int = 20,
    after: str | None = None,
    scope: SchoolScope | None = None,
) -> Page[Person]:
    """People born on this day."""
    return await search_data.search_people_by_birth_date(
        ctx.driver,
        database=ctx.database,
        limit=page_limit(first),
        after=after,
        scope=scope,
        birth_date=birth_date,
    )


async def search_people_by_student_number(
    ctx: UseCaseContext,
    student_number: str,
    *,
    first: int = 20,
    after: str | None = None,
    scope: SchoolScope | None = None,
) -> Page[Person]:
    """The person with this student number (a page of at most one)."""
    return await search_data.search_people_by_student_number(
        ctx.driver,
        database=ctx.database,
        limit=page_limit(first),
        after=after,
        scope=scope,
        student_number=student_number.strip(),
    )
