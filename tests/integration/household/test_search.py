"""Searches (the API's compiled statements): name prefix, address, phone, member name,
people; keyset paging."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.errors import BadInput
from graph_service.services.compiled_reads import Reader
from graph_service.services.context import UseCaseContext
from tests.compiled_reads import district_reader, search
from tests.integration.household.conftest import address, make_household, make_person


@pytest.fixture
async def read(ctx: UseCaseContext) -> Reader:
    return await district_reader(ctx)


async def test_household_name_search_pages_with_a_stable_cursor(
    ctx: UseCaseContext, read: Reader
) -> None:
    for name in ["Lee C", "lee a", "Lée B", "Park"]:
        await make_household(ctx, name)

    first = await search(read, "name_prefix", "LEE", first=2)
    second = await search(read, "name_prefix", "lee", first=2, after=first.next_cursor)

    assert [h["name"] for h in first.nodes] == ["lee a", "Lée B"]
    assert [h["name"] for h in second.nodes] == ["Lee C"]
    assert second.next_cursor is None


async def test_household_search_by_address_finds_every_household_ever_there(
    ctx: UseCaseContext, read: Reader
) -> None:
    await make_household(ctx, "Lee", address={"address": address("12", "Main")})
    await make_household(ctx, "Park", address={"address": address("12", "Main", apartment="2")})
    await make_household(ctx, "Other", address={"address": address("14", "Main")})

    found = await search(read, "address_prefix", "12 main street")

    assert [h["name"] for h in found.nodes] == ["Lee", "Park"]


async def test_household_search_by_street_name_without_a_number(
    ctx: UseCaseContext, read: Reader
) -> None:
    await make_household(ctx, "Lee", address={"address": address("12", "Main")})
    await make_household(ctx, "Park", address={"address": address("7", "North Main")})
    await make_household(ctx, "Other", address={"address": address("14", "Mainly", tag="Ave")})

    found = await search(read, "address_prefix", "main street")

    assert [h["name"] for h in found.nodes] == ["Lee", "Park"]


async def test_household_search_by_phone_accepts_any_format(
    ctx: UseCaseContext, read: Reader
) -> None:
    await make_household(ctx, "Lee", phone={"number": "+1 612 555 0142"})

    found = await search(read, "phone", "(612) 555-0142")

    assert [h["name"] for h in found.nodes] == ["Lee"]


async def test_household_search_by_member_name(ctx: UseCaseContext, read: Reader) -> None:
    ann = await make_person(ctx, "Ann", "Okafor")
    await make_household(ctx, "Okafor-Lee", members=[ann])
    await make_household(ctx, "Empty")

    found = await search(read, "member_last_name", "oka")

    assert [h["name"] for h in found.nodes] == ["Okafor-Lee"]


async def test_people_search_by_name_sorts_by_last_then_first(
    ctx: UseCaseContext, read: Reader
) -> None:
    for first, last in [("Bob", "Lee"), ("Ann", "Lee"), ("Cy", "Leeds"), ("Di", "Park")]:
        await make_person(ctx, first, last)

    page = await search(read, "last_name", "lee", first=2)
    rest = await search(read, "last_name", "lee", first=2, after=page.next_cursor)

    assert [p["first_name"] for p in page.nodes] == ["Ann", "Bob"]
    assert [p["first_name"] for p in rest.nodes] == ["Cy"]


async def test_people_search_by_birth_date_and_student_number(
    ctx: UseCaseContext, read: Reader
) -> None:
    ann = await make_person(ctx, "Ann", birthDate=date(2012, 2, 29), studentNumber="S-9")
    await make_person(ctx, "Bob")

    by_date = await search(read, "birth_date", date(2012, 2, 29))
    by_number = await search(read, "student_number", " S-9 ")

    assert [p["id"] for p in by_date.nodes] == [ann.id]
    assert [p["id"] for p in by_number.nodes] == [ann.id]


async def test_a_forged_cursor_is_bad_input(ctx: UseCaseContext, read: Reader) -> None:
    with pytest.raises(BadInput) as refused:
        await search(read, "name_prefix", "lee", after="not-a-cursor")
    assert refused.value.field == "after"


async def test_page_size_is_capped(ctx: UseCaseContext, read: Reader) -> None:
    with pytest.raises(BadInput) as refused:
        await search(read, "last_name", "lee", first=1000)
    assert refused.value.field == "first"
