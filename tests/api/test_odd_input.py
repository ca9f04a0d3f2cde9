"""Odd input that used to crash (INTERNAL): days past either end of the calendar, cursors and
ids that decode to garbage, feed files with giant fields or deeply nested JSON. Each is now
a clear BAD_USER_INPUT naming the client's field (or a rejected row), and changes nothing."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.auth.principal import PlatformRole
from graph_service.db.cypher import cypher
from graph_service.graphql.ids import to_global_id
from graph_service.settings import Settings
from graph_service.testing.world import World

KEPT = "(1900-01-01 to 2100-12-31)"
DEEP = "[" * 100_000


def _b64(data: str | bytes) -> str:
    raw = data.encode() if isinstance(data, str) else data
    return base64.urlsafe_b64encode(raw).decode()


async def _snapshot(driver: AsyncDriver, settings: Settings) -> Any:
    records, _, _ = await driver.execute_query(
        cypher("testing/data_snapshot"), database_=settings.neo4j_database
    )
    return records[0].data()


def _refusal(body: dict[str, Any]) -> tuple[str, str]:
    """(field, message) of the one BAD_USER_INPUT error the answer holds."""
    errors = body.get("errors", [])
    assert len(errors) == 1, body
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT", errors[0]
    assert body.get("data") is None
    return errors[0]["extensions"].get("field", ""), errors[0]["message"]


def _household_version(district: Any, household_id: str) -> int:
    read = district.data("query($id: ID!) { household(id: $id) { version } }", id=household_id)
    version: int = read["household"]["version"]
    return version


MOVE = (
    "mutation($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }",
    "mutation { moveHousehold(input: {householdId: %s, expectedVersion: %d, moveDate: %s, "
    'address: {number: "9", street: "Elm", city: "Springfield", state: "IL", zip: "62702"}}) '
    "{ id } }",
)


@pytest.mark.parametrize("day", ["0001-01-01", "0001-01-02", "9999-12-30", "1899-12-31"])
async def test_a_move_outside_the_dates_kept_names_move_date_and_the_range(
    day: str, as_staff: Any, world: World, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    district = as_staff("district")
    household = to_global_id("Household", world.households["park"])
    version = _household_version(district, household)
    before = await _snapshot(migrated_driver, settings)
    address = {"number": "9", "street": "Elm", "city": "Springfield", "state": "IL",
               "zip": "62702"}  # fmt: skip
    in_variables = district.post(
        MOVE[0],
        input={"householdId": household, "expectedVersion": version, "moveDate": day,
               "address": address},
    )  # fmt: skip
    in_document = district.post(MOVE[1] % (json.dumps(household), version, json.dumps(day)))

    for body, field in ((in_variables, "input.moveDate"), (in_document, "moveDate")):
        named, message = _refusal(body)
        assert named == field
        assert day in message
        assert KEPT in message
    assert await _snapshot(migrated_driver, settings) == before


@pytest.mark.parametrize(
    "instant",
    ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "9999-12-31T24:00:00"],
)
async def test_an_access_event_outside_the_dates_kept_is_refused(
    instant: str, as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    feed = as_staff("E-FEED", PlatformRole.INTEGRATION_FEED)
    before = await _snapshot(migrated_driver, settings)

    body = feed.post(
        "mutation($input: AccessEventInput!) { recordAccessEvent(input: $input) { key } }",
        input={"type": "COURSE_COMPLETED", "employeeId": "E-NO-GRANT", "source": "lms",
               "occurredAt": instant, "courseId": "FERPA-101"},
    )  # fmt: skip

    named, _ = _refusal(body)
    assert named == "input.occurredAt"
    assert await _snapshot(migrated_driver, settings) == before


@pytest.mark.parametrize(
    "query",
    [
        "query($id: ID!) { household(id: $id, asOf: %s) { id } }",
        "query($id: ID!) { person(id: $id, asOf: %s) { id } }",
        '{ people(by: {lastName: "Rivera"}, asOf: %s) { nodes { id } } }',
        "{ censusReport(asOf: %s) { rule count } }",
        "{ people(by: {birthDate: %s}) { nodes { id } } }",
    ],
)
def test_as_of_and_search_dates_outside_the_range_name_their_argument(
    query: str, as_staff: Any, world: World
) -> None:
    district = as_staff("district")
    ids = {"id": to_global_id("Person", world.people["lincoln_student"])} if "$id" in query else {}
    field = "birthDate" if "birthDate" in query else "asOf"

    for day in ("0001-01-01", "9999-12-31"):
        named, message = _refusal(district.post(query % json.dumps(day), **ids))
        assert named == field
        assert KEPT in message
    for day in ("1900-01-01", "2100-12-31"):  # the ends of the range are kept
        district.data(query % json.dumps(day), **ids)


def test_a_birth_date_before_1900_is_refused_naming_birth_date(as_staff: Any) -> None:
    body = as_staff("district").post(
        "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }",
        input={"firstName": "Old", "lastName": "Timer", "birthDate": "1899-12-31"},
    )

    assert _refusal(body)[0] == "input.birthDate"


CURSORS = {
    "nested json": _b64(DEEP),
    "nested objects": _b64('{"a":' * 5000),
    "invalid base64": "%%%",
    "invalid utf-8": _b64(b'["\xff\xfe", "x"]'),
    "escaped lone surrogate": _b64('["\\ud800", "x", "y"]'),
    "numbers": _b64("[1, 2, 3]"),
    "1 MB": "A" * 1_000_000,
}
PAGED = [
    '{ people(by: {lastName: "Rivera"}, after: %s) { nodes { id } } }',
    '{ households(by: {namePrefix: "Riv"}, after: %s) { nodes { id } } }',
    "{ duplicateCandidates(after: %s) { totalCount } }",
    "{ householdsSharing(by: ADDRESS, after: %s) { totalCount } }",
    "{ censusFindings(rule: STUDENT_WITHOUT_GUARDIAN, after: %s) { totalCount } }",
]


@pytest.mark.parametrize("query", PAGED)
@pytest.mark.parametrize("kind", list(CURSORS))
def test_a_cursor_that_is_not_ours_is_refused_naming_after(
    kind: str, query: str, as_staff: Any
) -> None:
    named, message = _refusal(as_staff("district").post(query % json.dumps(CURSORS[kind])))

    assert named == "after"
    assert "endCursor" in message


GARBAGE_IDS = {
    "cypher": _b64("Household:'}) MATCH (n) DETACH DELETE n //"),
    "control characters": _b64("Household:\x00\x01\x1b"),
    "empty raw id": _b64("Household:"),
}


@pytest.mark.parametrize("kind", list(GARBAGE_IDS))
async def test_a_global_id_that_decodes_to_garbage_is_refused_or_unknown(
    kind: str, as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    district = as_staff("district")
    garbage = GARBAGE_IDS[kind]
    before = await _snapshot(migrated_driver, settings)

    write = district.post(
        "mutation($input: EditHouseholdInput!) { editHousehold(input: $input) { id } }",
        input={"householdId": garbage, "expectedVersion": 1, "name": "Garbage"},
    )
    read = district.data("query($id: ID!) { node(id: $id) { id } }", id=garbage)

    named, message = _refusal(write)
    assert named == "householdId"
    assert "is not an id" in message
    assert read == {"node": None}
    assert await _snapshot(migrated_driver, settings) == before


INGEST = (
    "mutation($c: String!, $f: BatchFormat!) { ingestAccessEvents(content: $c, format: $f) "
    "{ applied duplicates rejected { line reason } } }"
)
HEADER = "type,employeeId,source,occurredAt,courseId"
ROW = "course-completed,E-NO-GRANT,lms,2026-09-15T08:30:00-05:00,FERPA-101"


async def test_a_csv_field_past_the_reader_limit_refuses_the_file_naming_its_line(
    as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    feed = as_staff("E-LMS-FEED", PlatformRole.INTEGRATION_FEED)
    before = await _snapshot(migrated_driver, settings)

    body = feed.post(INGEST, c=f"{HEADER}\n{ROW}\n{ROW}{'x' * 131_073}\n{ROW}\n", f="CSV")

    named, message = _refusal(body)
    assert named == "content"
    assert "line 3" in message
    assert "131,072 characters" in message
    assert await _snapshot(migrated_driver, settings) == before


def _event(**fields: Any) -> str:
    event = {"type": "course-completed", "employeeId": "E-NO-GRANT", "source": "lms",
             "occurredAt": "2026-09-15T08:30:00-05:00", "courseId": "FERPA-101"}  # fmt: skip
    return json.dumps({**event, **fields})


async def test_odd_json_lines_are_rejected_rows_and_change_nothing(
    as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    feed = as_staff("E-LMS-FEED", PlatformRole.INTEGRATION_FEED)
    lines = [
        DEEP,
        '{"type": ' + DEEP,
        _event(employeeId="E-\\ud800").replace("\\\\", "\\"),  # an escaped lone surrogate
        '{"employeeId": ' + "9" * 5000 + "}",
        _event(occurredAt="9999-12-31T23:59:59-12:00"),
        _event(occurredAt="0001-01-01T00:00:00+14:00"),
    ]
    before = await _snapshot(migrated_driver, settings)

    report = feed.data(INGEST, c="\n".join(lines), f="JSONL")["ingestAccessEvents"]

    reasons = {row["line"]: row["reason"] for row in report["rejected"]}
    assert report["applied"] == 0
    assert sorted(reasons) == [1, 2, 3, 4, 5, 6]
    assert "nested too deeply" in reasons[1]
    assert "nested too deeply" in reasons[2]
    assert "lone surrogate" in reasons[3]
    assert "number too long" in reasons[4]
    assert KEPT in reasons[5]
    assert KEPT in reasons[6]
    assert await _snapshot(migrated_driver, settings) == before
