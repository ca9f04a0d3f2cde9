"""The decision's reads start from unique-index seeks, never from label scans."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph_service.db.cypher import cypher
from graph_service.services.access_runtime import AccessRuntime


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
            "access/load_caller_grant_with_scope",
            {"employeeId": "E1", "householdIds": ["h1"], "onDate": date(2026, 9, 1)},
        ),
        (
            "access/load_caller_grant_with_people_scope",
            {
                "employeeId": "E1",
                "personIds": ["p1"],
                "asOf": date(2026, 9, 1),
                "onDate": date(2026, 9, 1),
            },
        ),
        (
            "access/households_in_school_scope",
            {"householdIds": ["h1"], "schoolIds": ["s1"], "onDate": date(2026, 9, 1)},
        ),
        ("access/load_staff_facts", {"employeeIds": ["E1"], "evidenceTypes": ["course-completed"]}),
    ],
)
async def test_reads_seek_by_unique_index(
    runtime: AccessRuntime, name: str, params: dict[str, Any]
) -> None:
    _, summary, _ = await runtime.driver.execute_query(
        "EXPLAIN " + cypher(name), params, database_=runtime.database
    )
    assert summary.plan is not None
    used = operators(summary.plan)
    assert "NodeUniqueIndexSeek" in used, used
    assert not {"AllNodesScan", "NodeByLabelScan"} & set(used), used
