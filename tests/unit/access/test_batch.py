from __future__ import annotations

from graph_service.access.batch import parse_batch

HEADER = "type,employeeId,source,occurredAt,courseId\n"


def test_csv_rows_keep_their_file_line_numbers() -> None:
    text = (
        HEADER
        + "course-completed,E1,lms,2026-09-01T09:00:00-05:00,FERPA-101\n"
        + "course-completed,E1,lms,2026-09-01T09:00:00-05:00\n"
        + "course-completed,E1,lms,2026-09-01T09:00:00-05:00,FERPA-101,extra\n"
    )
    batch = parse_batch(text, "csv")
    assert [line for line, _ in batch.events] == [2]
    assert [(r.line, r.reason) for r in batch.rejected] == [
        (3, "a course-completed event needs courseId"),
        (4, "more values than the header has columns"),
    ]


def test_jsonl_skips_blank_lines_and_rejects_non_objects() -> None:
    departed = (
        '{"type": "departed", "employeeId": "E1", "source": "hr", "occurredAt": "2026-09-01"}'
    )
    text = f"\n[1, 2]\n{departed}\n"
    batch = parse_batch(text, "jsonl")
    assert [(r.line, r.reason) for r in batch.rejected] == [
        (2, "each line must be a JSON object"),
        (3, "occurredAt: Input should have timezone info"),
    ]


def test_empty_file_is_an_empty_batch() -> None:
    batch = parse_batch("", "csv")
    assert (batch.events, batch.rejected) == ([], [])
