"""Reading a feed's batch file (CSV or JSON lines) into events, keeping every bad row's reason.

A bad row never stops the good ones: parsing returns both lists, and the caller ingests the
good events one transaction each.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError

from graph_service.access.events import AccessEventIn
from graph_service.errors import BadInput

BatchFormat = Literal["csv", "jsonl"]


class UnreadableBatch(BadInput):
    """A file the CSV reader cannot go on reading (a field past its size limit, a quote
    never closed): the rows after the fault can't be told apart, so none is applied."""

    def __init__(self, line: int, why: str) -> None:
        super().__init__("content", f"line {line}: {why}; nothing in the file was applied")


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str


@dataclass(frozen=True)
class DuplicateRow:
    """A row that repeats an event: one earlier in the same file (`repeats` is its line), or
    one recorded from an earlier delivery (`repeats` is None). It changes nothing."""

    line: int
    repeats: int | None

    def describe(self) -> str:
        """For the feed operator: which line, and what it repeats."""
        if self.repeats is None:
            return f"line {self.line}: duplicate of an event already recorded"
        return f"line {self.line}: duplicate of line {self.repeats}"


@dataclass
class ParsedBatch:
    events: list[tuple[int, AccessEventIn]] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)


def _reason(error: ValidationError) -> str:
    parts = []
    for detail in error.errors(include_url=False, include_input=False):
        where = ".".join(str(p) for p in detail["loc"])
        message = detail["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


def parse_batch(text: str, fmt: BatchFormat) -> ParsedBatch:
    """Events and rejected rows of a CSV (header row of camelCase names) or JSON-lines text.
    Line numbers are the file's own, header included, so a feed can find the row."""
    batch = ParsedBatch()
    rows = _csv_rows(text) if fmt == "csv" else _jsonl_rows(text)
    first_line: dict[str, int] = {}  # idempotency key -> the line that first carried it
    for line, row in rows:
        if isinstance(row, str):
            batch.rejected.append(RejectedRow(line, row))
            continue
        try:
            event = AccessEventIn.model_validate(row)
        except ValidationError as error:
            batch.rejected.append(RejectedRow(line, _reason(error)))
            continue
        key = event.idempotency_key
        if key in first_line:
            batch.duplicates.append(DuplicateRow(line, first_line[key]))
            continue
        first_line[key] = line
        batch.events.append((line, event))
    return batch


def _csv_rows(text: str) -> list[tuple[int, dict[str, object] | str]]:
    reader = csv.DictReader(io.StringIO(text))
    cut = _cut_short(text)
    rows: list[tuple[int, dict[str, object] | str]] = []
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            # DictReader counts lines at its last good row; its reader knows the failing one.
            raise UnreadableBatch(reader.reader.line_num, _csv_fault(error)) from None
        line = reader.line_num
        if None in record:
            rows.append((line, "more values than the header has columns"))
            continue
        missing = [column for column, value in record.items() if value is None]
        if missing:
            given = len(record) - len(missing)
            rows.append(
                (line, f"fewer values ({given}) than the header has columns ({len(record)})")
            )
            continue
        # Empty cells mean "not given", as they do in a spreadsheet export.
        rows.append((line, {k: v for k, v in record.items() if v not in (None, "")}))
    if cut and rows:
        # A cut inside the last cell leaves as many cells as the header: only the missing
        # line break tells, so the row is refused rather than applied with a cut value.
        line, last = rows[-1]
        rows[-1] = (line, f"{last}; {CUT_SHORT}" if isinstance(last, str) else CUT_SHORT)
    return rows


CUT_SHORT = (
    "the file ends inside this line (no line break after it), so its last value may be cut "
    "short; send the row again in a file that ends with a line break"
)


def _cut_short(text: str) -> bool:
    """True when the text's last line has no line break after it."""
    return bool(text) and not text.endswith(("\n", "\r"))


def _jsonl_rows(text: str) -> list[tuple[int, dict[str, object] | str]]:
    rows: list[tuple[int, dict[str, object] | str]] = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            rows.append((line, f"not JSON: {error.msg} at column {error.colno}"))
            continue
        except RecursionError:
            rows.append((line, "not an event: JSON nested too deeply"))
            continue
        except ValueError:  # json reads numbers of at most 4,300 digits
            rows.append((line, "not JSON: a number too long to read"))
            continue
        if not isinstance(value, dict):
            rows.append((line, "each line must be a JSON object"))
            continue
        if not all(_is_text(item) for pair in value.items() for item in pair):
            rows.append((line, "holds an escaped lone surrogate (such as \\ud800), not text"))
            continue
        rows.append((line, value))
    return rows


def _csv_fault(error: csv.Error) -> str:
    if "field limit" in str(error):
        return f"a field is longer than {csv.field_size_limit():,} characters"
    return f"not CSV ({error})"


def _is_text(value: object) -> bool:
    """False for a string JSON decoded from an escaped lone surrogate, which is not text
    (no UTF-8 encoder, the database's included, takes it)."""
    if not isinstance(value, str):
        return True
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True
