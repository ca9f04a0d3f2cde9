"""Feed files: good rows are applied, bad rows reported with their line, replays are no-ops."""

from __future__ import annotations

import json

from graph_service.clock import FixedClock
from graph_service.services.access_events import record_batch
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at
from tests.integration.access.helpers import latest_grant

CSV = """type,employeeId,source,occurredAt,courseId,name,roleId,locationId
hired,E7,hr,2026-09-01T08:00:00-05:00,,Kim Lee,office-pro,lincoln
course-completed,E7,lms,2026-09-01T09:00:00-05:00,FERPA-101,,,
course-completed,E7,lms,not-a-time,CENSUS-HH-201,,,
course-completed,E404,lms,2026-09-01T09:00:00-05:00,FERPA-101,,,
course-completed,E7,lms,2026-09-01T09:10:00-05:00,CENSUS-HH-201,,,
course-completed,E7,lms,2026-09-01T09:20:00-05:00,CENSUS-REL-202,,,
"""

HIRE_E8 = {
    "type": "hired",
    "employeeId": "E8",
    "source": "hr",
    "occurredAt": "2026-09-01T08:00:00-05:00",
    "name": "Ana Cruz",
    "roleId": "office-pro",
    "locationId": "elm",
}
NO_TIME = {"type": "course-completed", "employeeId": "E8", "source": "lms"}
KEYED = NO_TIME | {
    "occurredAt": "2026-09-01T09:00:00-05:00",
    "courseId": "FERPA-101",
    "key": "lms-9001",
}
JSONL = "\n".join([json.dumps(HIRE_E8), json.dumps(NO_TIME), "this is not json", json.dumps(KEYED)])


async def test_csv_batch_applies_good_rows_and_reports_bad_ones(
    runtime: Runtime, clock: FixedClock
) -> None:
    clock.advance_to(at("2026-09-01 10:00"))
    report = await record_batch(runtime, CSV, "csv")
    assert report.applied == 5 - 1
    assert [(row.line, row.reason) for row in report.rejected] == [
        (4, "occurredAt: Input should be a valid datetime or date, invalid character in year"),
        (5, 'employeeId: no staff member "E404": the HR feed must send their hire first'),
    ]
    grant = await latest_grant(runtime, "E7")
    assert grant is not None
    again = await record_batch(runtime, CSV, "csv")
    assert (again.applied, again.duplicates, len(again.rejected)) == (0, 4, 2)


async def test_jsonl_batch_reports_line_numbers(runtime: Runtime, clock: FixedClock) -> None:
    clock.advance_to(at("2026-09-01 10:00"))
    report = await record_batch(runtime, JSONL, "jsonl")
    assert report.applied == 2
    assert [(row.line, row.reason.split(":")[0]) for row in report.rejected] == [
        (2, "occurredAt"),
        (3, "not JSON"),
    ]
