from __future__ import annotations

import pytest

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
        (3, "fewer values (4) than the header has columns (5)"),
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


COMPLETE = "course-completed,E1,lms,2026-09-01T09:00:00-05:00,FERPA-101"
CELLS = COMPLETE.split(",")


@pytest.mark.parametrize("column", range(len(CELLS)))
def test_a_last_line_cut_inside_any_column_is_rejected_not_applied(column: int) -> None:
    """A transfer cut short: the last line ends inside cell `column`, no final line break."""
    cut = ",".join([*CELLS[:column], CELLS[column][: len(CELLS[column]) // 2]])
    batch = parse_batch(f"{HEADER}{COMPLETE}\n{cut}", "csv")
    assert [line for line, _ in batch.events] == [2]
    assert [r.line for r in batch.rejected] == [3]
    reason = batch.rejected[0].reason
    if column < len(CELLS) - 1:
        assert reason.startswith(f"fewer values ({column + 1}) than the header has columns (5)")
    assert "the file ends inside this line" in reason


def test_a_complete_last_line_needs_its_line_break() -> None:
    assert [line for line, _ in parse_batch(f"{HEADER}{COMPLETE}\n", "csv").events] == [2]
    unterminated = parse_batch(f"{HEADER}{COMPLETE}", "csv")
    assert unterminated.events == []
    assert [r.line for r in unterminated.rejected] == [2]


def test_duplicated_rows_name_their_line_and_the_line_they_repeat() -> None:
    other = "course-completed,E1,lms,2026-09-01T09:10:00-05:00,CENSUS-HH-201"
    text = f"{HEADER}{COMPLETE}\n{other}\n{COMPLETE}\n{other}\n{COMPLETE}\n"
    batch = parse_batch(text, "csv")
    assert [line for line, _ in batch.events] == [2, 3]
    assert [(d.line, d.repeats) for d in batch.duplicates] == [(4, 2), (5, 3), (6, 2)]
    assert batch.duplicates[0].describe() == "line 4: duplicate of line 2"


def test_duplicated_json_lines_name_the_line_they_repeat() -> None:
    row = (
        '{"type": "departed", "employeeId": "E1", "source": "hr",'
        ' "occurredAt": "2026-09-01T09:00:00-05:00"}'
    )
    batch = parse_batch(f"{row}\n\n{row}", "jsonl")
    assert [line for line, _ in batch.events] == [1]
    assert [(d.line, d.repeats) for d in batch.duplicates] == [(3, 1)]
