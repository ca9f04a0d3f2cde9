"""The decision's reads and the compiled reads start from index seeks, never from label scans."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from graph_service.db.cypher import cypher
from graph_service.db.read_compiler import Selected, statement
from graph_service.services.runtime import Runtime
from graph_service.services.searches import HOUSEHOLD_SEARCHES, PERSON_SEARCHES


def operators(plan: dict[str, Any]) -> list[str]:
    found = [str(plan["operatorType"]).split("@")[0]]
    for child in plan.get("children", []):
        found += operators(child)
    return found


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("access/load_caller_grant", {"employeeId": "E1"}),
        (
            "access/households_in_school_scope",
            {"householdIds": ["h1"], "schoolIds": ["s1"], "onDate": date(2026, 9, 1)},
        ),
        ("access/load_staff_facts", {"employeeIds": ["E1"], "evidenceTypes": ["course-completed"]}),
    ],
)
async def test_reads_seek_by_unique_index(
    runtime: Runtime, name: str, params: dict[str, Any]
) -> None:
    _, summary, _ = await runtime.driver.execute_query(
        "EXPLAIN " + cypher(name), params, database_=runtime.database
    )
    assert summary.plan is not None
    used = operators(summary.plan)
    assert "NodeUniqueIndexSeek" in used, used
    assert not {"AllNodesScan", "NodeByLabelScan"} & set(used), used


ID = Selected("id", "id")
RELATED = (Selected("label", "label"), Selected("person", "person", "Person", (ID,)))
PERSON = (
    ID,
    Selected("memberships", "memberships", "Membership",
             (Selected("household", "household", "Household", (ID,)),)),
    Selected("nonHouseholdRelationships", "non_household_relationships", "Relationship", RELATED),
    Selected("householdRelationships", "household_relationships", "Relationship", RELATED),
)  # fmt: skip
HOUSEHOLD = (
    ID,
    Selected("members", "members", "Member", (Selected("person", "person", "Person", PERSON),)),
)
COMPILED_PARAMS = {
    "employeeId": "E1", "now": datetime(2026, 9, 1, tzinfo=UTC), "asOf": date(2026, 9, 1),
    "onDate": date(2026, 9, 1), "reciprocals": {}, "id": "x",
    "householdIds": ["x"], "personIds": ["y"], "limit": 21, "afterKey": "", "afterId": "",
    "afterLast": "", "afterFirst": "", "prefix": "a", "streetName": " a", "number": "+1",
    "lastPrefix": "a", "firstPrefix": "", "birthDate": date(2010, 1, 1), "studentNumber": "S1",
}  # fmt: skip
SEARCHES = sorted(s.root for s in [*HOUSEHOLD_SEARCHES.values(), *PERSON_SEARCHES.values()])


@pytest.mark.parametrize(
    "root", ["household", "person", "household_written", "person_written", "nodes", *SEARCHES]
)
async def test_compiled_reads_never_scan_a_label(runtime: Runtime, root: str) -> None:
    """Whatever a page selects, its statement starts from index seeks: the caller's by the
    unique employee id, the objects by id or by the search's own index."""
    selections = {"Household": HOUSEHOLD, "Person": PERSON}
    _, summary, _ = await runtime.driver.execute_query(
        "EXPLAIN " + statement(root, selections), COMPILED_PARAMS, database_=runtime.database
    )
    assert summary.plan is not None
    used = operators(summary.plan)
    assert "NodeUniqueIndexSeek" in used, used
    assert not {"AllNodesScan", "NodeByLabelScan"} & set(used), used
