"""The hostile values `bench.hostile_inputs` sends, by the kind of argument they go into.

Each value has a label for the report. Values holding a lone UTF-16 surrogate are marked as the
request edge's (`at_request_edge`): they fail or pass before any resolver runs.
"""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

Hostile = tuple[str, Any]

MEGABYTE = 1_000_000
DEEP = 100_000  # "[" * DEEP: far past Python's recursion limit


def b64(data: str | bytes) -> str:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return base64.urlsafe_b64encode(raw).decode()


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


def has_surrogate(value: Any) -> bool:
    """Whether a lone surrogate is anywhere in `value` (the request edge's concern)."""
    if isinstance(value, str):
        return any(0xD800 <= ord(char) <= 0xDFFF for char in value)
    if isinstance(value, list):
        return any(has_surrogate(item) for item in value)
    if isinstance(value, dict):
        return any(has_surrogate(k) or has_surrogate(v) for k, v in value.items())
    return False


# For any argument: the wrong JSON type.
WRONG_TYPES: list[Hostile] = [
    ("null", None),
    ("integer", 123),
    ("boolean", True),
    ("float", 1.5),
    ("list", ["x"]),
    ("object", {"a": "b"}),
    ("nested lists (50)", _nested(50)),
]

STRINGS: list[Hostile] = [
    ("empty", ""),
    ("spaces", "   "),
    ("lone surrogate", "\ud800"),
    ("lone low surrogate inside", "a\udc00b"),
    ("1 MB ascii", "x" * MEGABYTE),
    ("1 MB two-byte", "\u00e9" * (MEGABYTE // 2)),
    ("cypher injection", "'}) MATCH (n) DETACH DELETE n //"),
    ("cypher injection, double quote", '" OR 1=1 WITH 1 AS x CALL db.labels() YIELD label //'),
    ("sql injection", "'; DROP TABLE people; --"),
    ("graphql in a string", "{ __schema { types { name } } }"),
    ("NUL", "a\x00b"),
    ("control characters", "\x01\x02\x1b[31mred"),
    ("CRLF", "a\r\nb"),
    ("bidi override", "\u202eevil"),
    ("zero-width", "\u200b\u200c\u200d\ufeff"),
    ("combining flood", "e" + "\u0301" * 10_000),
    ("emoji family", "\U0001f468\u200d\U0001f469\u200d\U0001f467"),
    ("astral letters", "\U0001d518\U0001d52b\U0001d526"),
    ("noncharacters", "\uffff\ufffe"),
    ("format string", "%s%n%x{0}"),
    ("path traversal", "../../../etc/passwd"),
    ("markup", "<script>alert(1)</script>"),
    ("json nesting as text", "[" * DEEP),
    ("number-like", "1e309"),
    ("5,000 digits", "9" * 5000),
    ("the word null", "null"),
]

_UNKNOWN = str(uuid.UUID(int=7))
IDS: list[Hostile] = [
    ("unknown raw id", _UNKNOWN),
    ("unknown global id", b64(f"Person:{_UNKNOWN}")),
    ("global id of a school", b64("School:lincoln")),
    ("global id with cypher", b64("Person:'}) MATCH (n) DETACH DELETE n //")),
    ("global id with control characters", b64("Person:\x00\x01\x1b")),
    ("global id, empty raw", b64("Person:")),
    ("global id, unknown type", b64("Evil:1")),
    ("global id of nested json", b64("[" * DEEP)),
    ("global id of invalid utf-8", b64(b"Person:\xff\xfe\xfd")),
    ("global id of an encoded surrogate", b64(b"Person:\xed\xa0\x80")),
    ("global id of 700 kB", b64("Person:" + "x" * 700_000)),
    ("not base64", "%%%"),
    ("padding only", "===="),
    ("lone surrogate", "\ud800"),
    ("empty", ""),
    ("1 MB", "A" * MEGABYTE),
    ("cypher injection", "'}) MATCH (n) DETACH DELETE n //"),
]

CURSORS: list[Hostile] = [
    ("nested json", b64("[" * DEEP)),
    ("nested json, 3,000 deep", b64("[" * 3000)),
    ("nested objects", b64('{"a":' * 5000)),
    ("invalid utf-8", b64(b'["\xff\xfe", "x"]')),
    ("escaped lone surrogate", b64('["\\ud800", "x", "y", "z"]')),
    ("escaped lone surrogate, one key", b64('["\\udfff"]')),
    ("lone surrogate", "\ud800"),
    ("not base64", "%%%"),
    ("json object", b64('{"a": 1}')),
    ("json numbers", b64("[1, 2, 3]")),
    ("json null", b64("null")),
    ("NaN", b64("[NaN]")),
    ("5,000-digit number", b64("[" + "9" * 5000 + "]")),
    ("100,000 keys", b64(json.dumps(["x"] * 100_000))),
    ("100 kB key", b64(json.dumps(["x" * 100_000, "y"]))),
    ("1 MB", "A" * MEGABYTE),
    ("empty", ""),
    ("cypher in a key", b64(json.dumps(["'}) MATCH (n) DETACH DELETE n //", "x", "y"]))),
]

INTS: list[Hostile] = [
    ("-1", -1),
    ("0", 0),
    ("2^31-1", 2**31 - 1),
    ("-2^31", -(2**31)),
    ("2^31", 2**31),
    ("2^63", 2**63),
    ("10^30", 10**30),
    ("numeric string", "7"),
    ("7.5", 7.5),
    ("1e308", 1e308),
]

DATES: list[Hostile] = [
    ("0001-01-01", "0001-01-01"),
    ("0001-01-02", "0001-01-02"),
    ("9999-12-31", "9999-12-31"),
    ("9999-12-30", "9999-12-30"),
    ("1899-12-31", "1899-12-31"),
    ("2101-01-01", "2101-01-01"),
    ("first day kept", "1900-01-01"),
    ("last day kept", "2100-12-31"),
    ("30 February", "2026-02-30"),
    ("month 13", "2026-13-01"),
    ("a word", "yesterday"),
    ("with a time", "2026-09-01T10:00:00"),
    ("expanded year", "+002026-09-01"),
    ("ISO week", "2026-W01-1"),
    ("basic format", "20260901"),
    ("empty", ""),
]

INSTANTS: list[Hostile] = [
    ("9999-12-31T23:59:59-12:00", "9999-12-31T23:59:59-12:00"),
    ("0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00+14:00"),
    ("9999-12-31T24:00:00", "9999-12-31T24:00:00"),
    ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
    ("first instant kept, far east", "1900-01-01T00:00:00+14:00"),
    ("last instant kept, far west", "2100-12-31T23:59:59-12:00"),
    ("2101 UTC", "2101-01-01T00:00:00Z"),
    ("naive", "2026-09-15T10:00:00"),
    ("offset +99:00", "2026-09-15T10:00:00+99:00"),
    ("nanoseconds", "2026-09-15T10:00:00.123456789Z"),
    ("year only", "2026"),
    ("in the future", "2099-01-01T00:00:00Z"),
    ("a word", "now"),
    ("empty", ""),
]

BOOLEANS: list[Hostile] = [("string true", "true"), ("0", 0), ("1", 1)]

ENUMS: list[Hostile] = [
    ("unknown value", "NOT_A_VALUE"),
    ("empty", ""),
    ("lower case", "csv"),
    ("lone surrogate", "\ud800"),
]

LISTS: list[Hostile] = [
    ("empty list", []),
    ("10,000 items", ["x"] * 10_000),
    ("null item", [None]),
    ("nested", [["x"]]),
]

OBJECTS: list[Hostile] = [
    ("string for an object", "{}"),
    ("empty object", {}),
    ("unknown field", {"evil": 1}),
    ("list for an object", [{}]),
]

_HEADER = "type,employeeId,source,occurredAt,courseId"
_GOOD_ROW = "course-completed,E-LINCOLN-OFFICE,lms,2026-09-15T09:00:00-05:00,FERPA-101"


def _jsonl(**fields: Any) -> str:
    event = {
        "type": "course-completed",
        "employeeId": "E-LINCOLN-OFFICE",
        "source": "lms",
        "occurredAt": "2026-09-15T09:00:00-05:00",
        "courseId": "FERPA-101",
    }
    return json.dumps({**event, **fields})


_LINES = "a\n" * 70_000
# (label, format, file content) for `ingestAccessEvents`.
BATCHES: list[tuple[str, str, str]] = [
    ("csv field of 131,073 bytes", "CSV", f"{_HEADER}\n{_GOOD_ROW}\n{_GOOD_ROW}{'x' * 131_073}\n"),
    ("csv quoted field of 200 kB", "CSV", f'{_HEADER}\n{_GOOD_ROW},"{"y" * 200_000}"\n'),
    ("csv quoted multi-line 200 kB", "CSV", f'{_HEADER}\ncourse-completed,"{_LINES}"\n'),
    ("csv unterminated quote", "CSV", f'{_HEADER}\n"course-completed,E-1,lms\n'),
    ("csv NUL", "CSV", f"{_HEADER}\ncourse-completed,E-1\x00,lms,2026-09-15T09:00:00Z,x\n"),
    ("csv header only", "CSV", _HEADER),
    ("csv empty", "CSV", ""),
    ("csv byte order mark", "CSV", f"\ufeff{_HEADER}\n{_GOOD_ROW}\n"),
    ("csv 10,000 columns", "CSV", f"{_HEADER}{',c' * 10_000}\n{_GOOD_ROW}{',v' * 10_000}\n"),
    (
        "csv far-future instant",
        "CSV",
        f"{_HEADER}\ncourse-completed,E-1,lms,9999-12-31T23:59:59-12:00,x\n",
    ),
    (
        "csv year-1 instant",
        "CSV",
        f"{_HEADER}\ncourse-completed,E-1,lms,0001-01-01T00:00:00+14:00,x\n",
    ),
    (
        "csv lone surrogate",
        "CSV",
        f"{_HEADER}\ncourse-completed,E-\ud800,lms,2026-09-15T09:00:00Z,x\n",
    ),
    ("jsonl nested 100,000 deep", "JSONL", "[" * DEEP),
    ("jsonl nested object value", "JSONL", '{"type": ' + "[" * DEEP),
    ("jsonl escaped lone surrogate", "JSONL", _jsonl(employeeId="E-\\ud800").replace("\\\\", "\\")),
    ("jsonl 5,000-digit number", "JSONL", '{"employeeId": ' + "9" * 5000 + "}"),
    ("jsonl 1e999", "JSONL", '{"employeeId": 1e999}'),
    ("jsonl NaN", "JSONL", '{"employeeId": NaN}'),
    ("jsonl far-future instant", "JSONL", _jsonl(occurredAt="9999-12-31T23:59:59-12:00")),
    ("jsonl year-1 instant", "JSONL", _jsonl(occurredAt="0001-01-01T00:00:00+14:00")),
    ("jsonl array line", "JSONL", "[1, 2, 3]"),
    ("jsonl 1 MB string", "JSONL", _jsonl(name="x" * MEGABYTE)),
    ("jsonl 50,000 lines", "JSONL", "{}\n" * 50_000),
    ("jsonl lone surrogate", "JSONL", _jsonl(employeeId="E-\ud800")),
]
