"""Reading a district export: rows with fewer cells, a last line cut short and repeated rows
are reported with their line, never loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.seeding.csv_import import COLUMNS, ImportReport, read_rows

HEADER = ",".join(COLUMNS["staff.csv"])
ROW = "E-1,Kai Moss,kai@example-district.org,office-pro,lincoln,2026-09-01T08:00:00-05:00"
CELLS = ROW.split(",")


def read(tmp_path: Path, text: str) -> tuple[list[int], list[tuple[int, str]]]:
    path = tmp_path / "staff.csv"
    path.write_text(text, encoding="utf-8")
    report = ImportReport()
    lines = [line for line, _ in read_rows(path, report)]
    return lines, [(r.line, r.reason) for r in report.rejected]


@pytest.mark.parametrize("column", range(len(CELLS)))
def test_a_last_line_cut_inside_any_column_is_rejected(tmp_path: Path, column: int) -> None:
    cut = ",".join([*CELLS[:column], CELLS[column][: len(CELLS[column]) // 2]])
    other = ROW.replace("E-1", "E-2")
    loaded, rejected = read(tmp_path, f"{HEADER}\n{other}\n{cut}")
    assert loaded == [2]
    assert [line for line, _ in rejected] == [3]
    if column < len(CELLS) - 1:
        assert rejected[0][1] == f"fewer cells ({column + 1}) than columns ({len(CELLS)})"
    else:
        assert "the file ends inside this line" in rejected[0][1]


def test_fewer_cells_anywhere_are_rejected_with_their_line(tmp_path: Path) -> None:
    loaded, rejected = read(tmp_path, f"{HEADER}\nE-3,Short Row\n{ROW}\n")
    assert loaded == [3]
    assert rejected == [(2, "fewer cells (2) than columns (6)")]


def test_a_repeated_row_names_the_line_it_repeats(tmp_path: Path) -> None:
    other = ROW.replace("E-1", "E-2")
    loaded, rejected = read(tmp_path, f"{HEADER}\n{ROW}\n{other}\n{ROW}\n")
    assert loaded == [2, 3]
    assert rejected == [(4, "duplicate of line 2")]
