"""createPerson's duplicate check through the API: it names the records the caller may read,
says only "a record you cannot see" for the others, and concurrent identical creates make
one person."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httpx
import pytest
from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.graphql.ids import to_global_id
from graph_service.settings import Settings
from graph_service.testing.world import World
from tests.api.conftest import GraphQLClient
from tests.api.operations import PERSON_FIELDS

CREATE = (
    "mutation($input: CreatePersonInput!) { createPerson(input: $input) { " + PERSON_FIELDS + " } }"
)
PAIRS = "{ duplicateCandidates(first: 100) { items { first { id } second { id } evidence } } }"
CONCURRENT = 50


def _refused(client: GraphQLClient, **person: Any) -> dict[str, Any]:
    body = client.post(CREATE, input=person)
    assert body.get("data") is None, body
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "CONFLICT", error
    return body


def _traces(person_id: str, *names: str) -> list[str]:
    """Every form in which the answer could identify that person."""
    return [person_id, to_global_id("Person", person_id), *names]


def _assert_identifies_no_one(body: dict[str, Any], traces: list[str]) -> None:
    text = json.dumps(body)
    for trace in traces:
        assert trace not in text, f"{trace!r} leaked in {text}"
    # Only the code and the field: nothing in extensions could say who matched.
    assert set(body["errors"][0]["extensions"]) == {"code", "field"}


async def _snapshot(driver: AsyncDriver, settings: Settings) -> Any:
    records, _, _ = await driver.execute_query(
        cypher("testing/data_snapshot"), database_=settings.neo4j_database
    )
    return records[0].data()


async def test_another_schools_student_number_is_refused_without_naming_them(
    as_staff: Any,
    world: World,
    migrated_driver: AsyncDriver,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    clerk = as_staff("lincoln_office")
    before = await _snapshot(migrated_driver, settings)
    traces = _traces(world.people["elm_student"], "Leo", "Rivera", "2013-09-09")

    with caplog.at_level(logging.DEBUG):
        for confirmed in (False, True):  # a student number can't be confirmed away
            body = _refused(
                clerk, firstName="Pat", lastName="Quill", birthDate="2012-02-02",
                studentNumber="S2001", confirmNotDuplicate=confirmed,
            )  # fmt: skip
            _assert_identifies_no_one(body, traces)
            message = body["errors"][0]["message"]
            assert "a record you cannot see matches this student number" in message
            assert "district data steward" in message
            assert body["errors"][0]["extensions"]["field"] == "studentNumber"

    assert not [r for r in caplog.records if any(t in r.getMessage() for t in traces[:2])]
    assert await _snapshot(migrated_driver, settings) == before


async def test_another_schools_name_and_birth_date_is_refused_without_naming_them(
    as_staff: Any, world: World, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    clerk = as_staff("lincoln_office")
    before = await _snapshot(migrated_driver, settings)
    # Typed differently from the stored "Leo Rivera", so an echo of the record would show.
    body = _refused(clerk, firstName="leo", lastName="RIVERA", birthDate="2013-09-09")

    _assert_identifies_no_one(body, _traces(world.people["elm_student"], "Leo", "Rivera"))
    message = body["errors"][0]["message"]
    assert "a record you cannot see matches this name and birth date" in message
    assert body["errors"][0]["extensions"]["field"] == "confirmNotDuplicate"
    assert await _snapshot(migrated_driver, settings) == before


async def test_confirming_past_a_record_you_cannot_see_creates_the_person_for_the_steward(
    as_staff: Any, rebuilt_world_after: World
) -> None:
    world = rebuilt_world_after
    clerk = as_staff("lincoln_office")
    hidden = world.people["elm_student"]

    body = clerk.post(
        CREATE,
        input={"firstName": "leo", "lastName": "RIVERA", "birthDate": "2013-09-09",
               "confirmNotDuplicate": True},
    )  # fmt: skip
    assert "errors" not in body, body
    created = body["data"]["createPerson"]
    assert hidden not in json.dumps(body)
    assert to_global_id("Person", hidden) not in json.dumps(body)

    # The data steward's duplicate view lists the pair, for a merge if they are one human.
    pairs = as_staff("steward").data(PAIRS)["duplicateCandidates"]["items"]
    assert {created["id"], to_global_id("Person", hidden)} in [
        {pair["first"]["id"], pair["second"]["id"]} for pair in pairs
    ]


def test_a_match_the_caller_may_read_is_named(as_staff: Any, world: World) -> None:
    clerk = as_staff("lincoln_office")
    ana = world.people["lincoln_student"]

    by_name = _refused(clerk, firstName="ANA", lastName="rivera", birthDate="2011-03-02")
    by_number = _refused(
        clerk, firstName="Someone", lastName="Else", birthDate="2011-01-01", studentNumber="S1001"
    )

    for body, reason in ((by_name, "name and birth date"), (by_number, "student number")):
        message = body["errors"][0]["message"]
        assert f"Ana Rivera ({reason}, id {ana})" in message
        assert "cannot see" not in message


def test_a_district_wide_caller_is_shown_the_record(as_staff: Any, world: World) -> None:
    district = as_staff("district")
    leo = world.people["elm_student"]

    body = _refused(district, firstName="leo", lastName="RIVERA", birthDate="2013-09-09")

    message = body["errors"][0]["message"]
    assert f"Leo Rivera (name and birth date, id {leo})" in message
    assert "cannot see" not in message


async def test_concurrent_identical_creates_make_one_person(
    as_staff: Any, service_url: str
) -> None:
    clerk: GraphQLClient = as_staff("lincoln_office")
    person = {"firstName": "Rowan", "lastName": "Samedate", "birthDate": "2012-12-12"}
    request = {"query": CREATE, "variables": {"input": person}}
    headers = {"authorization": f"Bearer {clerk.token}"}

    async with httpx.AsyncClient(base_url=service_url, timeout=120) as client:
        responses = await asyncio.gather(
            *(client.post("/graphql", json=request, headers=headers) for _ in range(CONCURRENT))
        )

    bodies = [response.json() for response in responses]
    created = [body["data"]["createPerson"] for body in bodies if body.get("data")]
    refused = [body["errors"][0] for body in bodies if body.get("errors")]
    assert len(created) == 1, refused[:3]
    assert len(refused) == CONCURRENT - 1
    assert {error["extensions"]["code"] for error in refused} == {"CONFLICT"}
    assert {error["extensions"]["field"] for error in refused} == {"confirmNotDuplicate"}
    found = as_staff("district").data(
        '{ people(by: {lastName: "Samedate"}, first: 100) { nodes { id } } }'
    )["people"]["nodes"]
    assert [node["id"] for node in found] == [created[0]["id"]]
