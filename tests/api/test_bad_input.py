"""Bad input to every mutation answers BAD_USER_INPUT naming the field, and changes nothing.
Nothing answers INTERNAL."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.auth.principal import PlatformRole
from graph_service.db.cypher import cypher
from graph_service.settings import Settings
from graph_service.testing.world import TODAY, World
from tests.api.operations import ACCESS_ADMIN, FEED, MUTATIONS, Operation

MEGABYTE = "x" * 1_000_000
CYPHER = "'}) MATCH (n) DETACH DELETE n //"
GRAPHQL = "{ __schema { types { name } } }"
OPS = {op.field: op for op in MUTATIONS}
NAME_FIELDS = {"name", "firstName", "lastName", "city", "street", "number", "type"}
# Python's calendar ends (arithmetic on them overflows) and days no real record carries.
OUT_OF_RANGE_DATES = ("0001-01-01", "0001-01-02", "1899-12-31", "2101-01-01", "9999-12-30",
                      "9999-12-31")  # fmt: skip
OUT_OF_RANGE_INSTANTS = ("9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
                         "9999-12-31T24:00:00", "2101-01-01T00:00:00Z")  # fmt: skip
DATE_FIELDS = {"startDate", "endDate", "moveDate", "splitDate", "birthDate", "occurredAt"}
TEXT_FIELDS = NAME_FIELDS | {"comments", "contactRestrictions", "courseId", "source"}


def _leaves(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path, value


def _replaced(variables: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(variables)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _cases() -> list[tuple[str, str, str, Any]]:
    """(mutation, field path, what is wrong, bad value) for each leaf a rule covers."""
    cases = []
    for op in MUTATIONS:
        if op.field in ("ingestAccessEvents", "approveHouseholdAccess", "runProvisioning"):
            continue
        variables = op.variables(World(households=_FAKE_H, people=_FAKE_P))
        for path, value in _leaves(variables):
            leaf = str(path[-1]) if not isinstance(path[-1], int) else str(path[-2])
            where = ".".join(str(p) for p in path)
            if leaf == "expectedVersion" or leaf.endswith("Version"):
                cases += [(op.field, where, "wrong type", "seven"), (op.field, where, "zero", 0)]
            if leaf in DATE_FIELDS:
                cases += [(op.field, where, "absurd date", "2026-02-30"),
                          (op.field, where, "not a date", "yesterday")]  # fmt: skip
                cases += [(op.field, where, f"outside the dates kept: {day}", day)
                          for day in (OUT_OF_RANGE_INSTANTS if leaf == "occurredAt"
                                      else OUT_OF_RANGE_DATES)]  # fmt: skip
            if leaf.endswith("Id") or leaf.endswith("Ids"):
                cases += [(op.field, where, "cypher in an id", CYPHER),
                          (op.field, where, "empty id", "")]  # fmt: skip
            if leaf in TEXT_FIELDS and isinstance(value, str):
                cases.append((op.field, where, "1 MB string", MEGABYTE))
            if leaf in NAME_FIELDS and isinstance(value, str) and leaf != "type":
                cases += [(op.field, where, "empty", "   "),
                          (op.field, where, "cypher metacharacters", CYPHER),
                          (op.field, where, "graphql metacharacters", GRAPHQL)]  # fmt: skip
    return cases


# Placeholders so the case list can be built at import; the test swaps in the real world.
_FAKE_H = {"lincoln": "h", "elm": "h", "park": "h"}
_FAKE_P = {k: "p" for k in ("lincoln_student", "lincoln_mother", "lincoln_student_2")}


async def _snapshot(driver: AsyncDriver, settings: Settings) -> Any:
    records, _, _ = await driver.execute_query(
        cypher("testing/data_snapshot"), database_=settings.neo4j_database
    )
    return records[0].data()


@pytest.mark.parametrize(("field", "where", "wrong", "value"), _cases())
async def test_bad_input_is_refused_with_its_field_and_changes_nothing(
    field: str,
    where: str,
    wrong: str,
    value: Any,
    as_staff: Any,
    world: World,
    migrated_driver: AsyncDriver,
    settings: Settings,
) -> None:
    op: Operation = OPS[field]
    caller = as_staff("district") if op.needs != FEED else as_staff("E-FEED")
    if op.field == "recordAccessEvent":
        caller = as_staff("E-FEED", PlatformRole.INTEGRATION_FEED)
    if op.needs == ACCESS_ADMIN:
        caller = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
    path = tuple(int(p) if p.isdigit() else p for p in where.split("."))
    variables = _replaced(op.variables(world), path, value)
    before = await _snapshot(migrated_driver, settings)

    body = caller.post(op.query, **variables)

    errors = body.get("errors", [])
    assert len(errors) == 1, body
    extensions = errors[0]["extensions"]
    assert extensions["code"] == "BAD_USER_INPUT", (wrong, errors[0]["message"][:300])
    named = extensions.get("field", "")
    assert named, errors[0]
    assert named.split(".")[-1] in where.split("."), (named, where)
    assert body.get("data") is None
    assert await _snapshot(migrated_driver, settings) == before


@pytest.mark.parametrize("field", ["createPerson", "editPerson"])
async def test_birth_date_is_judged_by_the_service_clock_not_the_machines(
    field: str, as_staff: Any, world: World, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    # The service clock is pinned to TODAY, before the machine's date: the day after TODAY
    # has passed for the machine, and is still in the future for the service.
    op = OPS[field]
    variables = op.variables(world)
    variables["input"]["birthDate"] = (TODAY + timedelta(days=1)).isoformat()
    before = await _snapshot(migrated_driver, settings)

    body = as_staff("district").post(op.query, **variables)

    errors = body.get("errors", [])
    assert len(errors) == 1, body
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert errors[0]["extensions"]["field"] == "birthDate"
    assert "in the future" in errors[0]["message"]
    assert await _snapshot(migrated_driver, settings) == before
