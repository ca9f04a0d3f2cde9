"""Idempotency keys: a retried mutation answers with its first outcome and applies once."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
from neo4j import AsyncDriver

from graph_service.auth.tokens import mint_development_token
from graph_service.settings import Settings
from graph_service.testing.world import World

CREATE_PERSON = """mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { id firstName lastName version } }"""
CREATE_HOUSEHOLD = """mutation($input: CreateHouseholdInput!) {
  createHousehold(input: $input) { id name version } }"""
EDIT_HOUSEHOLD = """mutation($input: EditHouseholdInput!) {
  editHousehold(input: $input) { id name version } }"""


def _headers(
    settings: Settings, world: World, key: str | None, who: str = "lincoln_office"
) -> dict[str, str]:
    headers = {"authorization": f"Bearer {mint_development_token(settings, world.staff[who])}"}
    if key is not None:
        headers["idempotency-key"] = key
    return headers


def _post(
    http: httpx.Client, headers: dict[str, str], query: str, **variables: Any
) -> dict[str, Any]:
    response = http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _people_named(driver: AsyncDriver, settings: Settings, last_name: str) -> int:
    records, _, _ = await driver.execute_query(
        "MATCH (p:Person {lastName: $name}) RETURN count(p) AS n",
        name=last_name,
        database_=settings.neo4j_database,
    )
    count: int = records[0]["n"]
    return count


async def test_a_retried_create_answers_the_first_outcome_and_creates_once(
    http: httpx.Client, settings: Settings, world: World, migrated_driver: AsyncDriver
) -> None:
    last = f"Retry{uuid.uuid4().hex[:8]}"
    person = {"firstName": "Noor", "lastName": last, "birthDate": "2012-04-05"}
    headers = _headers(settings, world, str(uuid.uuid4()))
    first = _post(http, headers, CREATE_PERSON, input=person)
    again = _post(http, headers, CREATE_PERSON, input=person)
    assert "errors" not in first, first
    # The same outcome; the bookmark is the retry's own (the database may have moved on since,
    # and a client reads its write with either).
    assert again["data"] == first["data"]
    assert "errors" not in again
    assert again["extensions"]["bookmarks"]
    assert await _people_named(migrated_driver, settings, last) == 1
    # Without a key, the same request is a new request: the duplicate check refuses it.
    unkeyed = _post(http, _headers(settings, world, None), CREATE_PERSON, input=person)
    assert unkeyed["errors"][0]["extensions"]["code"] == "CONFLICT"


async def test_a_key_reused_for_other_input_is_refused_and_changes_nothing(
    http: httpx.Client, settings: Settings, world: World, migrated_driver: AsyncDriver
) -> None:
    last = f"Reuse{uuid.uuid4().hex[:8]}"
    headers = _headers(settings, world, str(uuid.uuid4()))
    person = {"firstName": "Ines", "lastName": last, "birthDate": "2011-01-02"}
    assert "errors" not in _post(http, headers, CREATE_PERSON, input=person)
    other = _post(http, headers, CREATE_PERSON, input={**person, "firstName": "Ivo"})
    assert other["data"] is None
    assert other["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "Idempotency-Key",
    }
    assert await _people_named(migrated_driver, settings, last) == 1


async def test_an_update_retried_with_its_key_is_not_a_stale_version(
    http: httpx.Client, settings: Settings, world: World
) -> None:
    headers = _headers(settings, world, None)
    created = _post(
        http, headers, CREATE_HOUSEHOLD, input={"name": "Idem", "startDate": "2026-09-01"}
    )["data"]["createHousehold"]
    keyed = _headers(settings, world, str(uuid.uuid4()))
    edit = {"householdId": created["id"], "expectedVersion": created["version"], "name": "Idem 2"}
    first = _post(http, keyed, EDIT_HOUSEHOLD, input=edit)
    again = _post(http, keyed, EDIT_HOUSEHOLD, input=edit)  # the retry a lost answer causes
    assert first["data"]["editHousehold"]["version"] == created["version"] + 1
    assert again["data"] == first["data"]
    assert "errors" not in again
    unkeyed = _post(http, headers, EDIT_HOUSEHOLD, input=edit)
    assert unkeyed["errors"][0]["extensions"]["code"] == "CONFLICT"


async def test_concurrent_retries_with_one_key_apply_once(
    service_url: str, settings: Settings, world: World, migrated_driver: AsyncDriver
) -> None:
    last = f"Race{uuid.uuid4().hex[:8]}"
    person = {"firstName": "Ola", "lastName": last, "birthDate": "2013-03-03"}
    headers = _headers(settings, world, str(uuid.uuid4()))
    async with httpx.AsyncClient(base_url=service_url, timeout=60) as client:
        responses = await asyncio.gather(
            *(
                client.post(
                    "/graphql",
                    json={"query": CREATE_PERSON, "variables": {"input": person}},
                    headers=headers,
                )
                for _ in range(12)
            )
        )
    bodies = [response.json() for response in responses]
    assert all("errors" not in body for body in bodies), bodies
    assert len({body["data"]["createPerson"]["id"] for body in bodies}) == 1
    assert await _people_named(migrated_driver, settings, last) == 1


async def test_keys_belong_to_their_caller(
    http: httpx.Client, settings: Settings, world: World, migrated_driver: AsyncDriver
) -> None:
    key = str(uuid.uuid4())
    last = f"Mine{uuid.uuid4().hex[:8]}"
    mine = {"firstName": "Uma", "lastName": last, "birthDate": "2010-10-10"}
    theirs = {"firstName": "Udo", "lastName": last, "birthDate": "2009-09-09"}
    first = _post(http, _headers(settings, world, key), CREATE_PERSON, input=mine)
    other = _post(http, _headers(settings, world, key, "district"), CREATE_PERSON, input=theirs)
    assert "errors" not in other, other
    assert other["data"]["createPerson"]["id"] != first["data"]["createPerson"]["id"]
    assert await _people_named(migrated_driver, settings, last) == 2


def test_a_malformed_key_is_refused(http: httpx.Client, settings: Settings, world: World) -> None:
    headers = _headers(settings, world, "x" * 300)
    body = _post(
        http,
        headers,
        CREATE_PERSON,
        input={"firstName": "Al", "lastName": "Long", "birthDate": "2010-01-01"},
    )
    assert body["errors"][0]["extensions"]["field"] == "Idempotency-Key"
