"""Paging through a search filtered to scope: every in-scope match once, in order, whatever
the page size, however many out-of-scope matches lie between them."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.settings import Settings
from graph_service.testing.round_trips import counting_runs

SEARCH = """
query($after: String, $first: Int!) {
  households(by: {namePrefix: "bulk"}, first: $first, after: $after) {
    edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }"""


async def _bulk(driver: AsyncDriver, settings: Settings, school: str, count: int) -> list[str]:
    ids = sorted(str(uuid.uuid4()) for _ in range(count))
    await driver.execute_query(
        cypher("testing/create_households_at_school"),
        ids=ids,
        schoolId=school,
        database_=settings.neo4j_database,
    )
    return ids


async def _formerly_enrolled(
    driver: AsyncDriver, settings: Settings, created_at: str, former_school: str, count: int
) -> list[str]:
    ids = sorted(str(uuid.uuid4()) for _ in range(count))
    await driver.execute_query(
        cypher("testing/create_households_formerly_enrolled_at_school"),
        ids=ids,
        createdAtId=created_at,
        formerSchoolId=former_school,
        database_=settings.neo4j_database,
    )
    return ids


@pytest.mark.parametrize("first", [1, 7, 100])
async def test_paging_a_scoped_search_returns_each_match_once(
    first: int, as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    mine = await _bulk(migrated_driver, settings, "lincoln", 23)
    await _bulk(migrated_driver, settings, "elm", 250)  # out of scope, interleaved by name
    clerk = as_staff("lincoln_office")
    seen: list[str] = []
    after = None
    for _ in range(200):
        page = clerk.data(SEARCH, first=first, after=after)["households"]
        assert len(page["edges"]) <= first
        seen += [edge["node"]["name"].removeprefix("Bulk ") for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    lincoln = [name for name in seen if name in set(mine)]
    assert lincoln == mine  # all of ours, once each, in name order
    assert len(seen) == len(set(seen))


async def test_a_clerks_page_is_full_and_one_search_whatever_lies_outside_the_scope(
    as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    await _bulk(migrated_driver, settings, "lincoln", 23)
    theirs = await _bulk(migrated_driver, settings, "elm", 400)  # 17 out of scope per one of ours
    clerk = as_staff("lincoln_office")
    with counting_runs(ignore=("AuditEvent",)) as runs:
        page = clerk.data(SEARCH, first=20, after=None)["households"]
    names = [edge["node"]["name"].removeprefix("Bulk ") for edge in page["edges"]]
    assert len(names) == 20
    assert not set(names) & set(theirs)
    assert page["pageInfo"]["hasNextPage"]
    # One statement: the caller's grant, the search narrowed to its scope and the selected
    # fields of the page's households.
    assert runs.count == 1, runs.count


@pytest.mark.parametrize("first", [1, 5, 20])
async def test_paging_skips_households_listed_at_the_school_but_out_of_scope(
    first: int, as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    # The school's listings hold both, interleaved by name: the search reads them in order and
    # stops at a page, so the out-of-scope ones must be passed over without cutting it short.
    mine = await _bulk(migrated_driver, settings, "lincoln", 23)
    former = await _formerly_enrolled(migrated_driver, settings, "elm", "lincoln", 60)
    clerk = as_staff("lincoln_office")
    seen: list[str] = []
    after = None
    for _ in range(500):
        page = clerk.data(SEARCH, first=first, after=after)["households"]
        assert len(page["edges"]) == first or not page["pageInfo"]["hasNextPage"]
        seen += [edge["node"]["name"].removeprefix("Bulk ") for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # (Other tests' in-scope households may share the prefix: ours are checked among them.)
    assert [name for name in seen if name in set(mine)] == mine  # each once, in name order
    assert len(seen) == len(set(seen))
    assert not set(seen) & set(former)
