"""Importing the CSV files a district exports. Each row is validated on its own (the domain's
models) and checked against what it refers to (people and households in the files or already
in the graph; schools, job roles and teams in the graph); a bad row is reported with its file,
line and reason and the good rows load all the same, through the bulk loader. Staff rows are
hires applied by the access services. Importing the same files again changes nothing.
"""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from neo4j import AsyncDriver

from graph_service.access.batch import CUT_SHORT
from graph_service.access.events import AccessEventIn
from graph_service.access.policy import Policy
from graph_service.access.settings import AccessSettings
from graph_service.clock import Clock, SystemClock
from graph_service.db.cypher import cypher
from graph_service.db.run import Stamp, read_all
from graph_service.errors import BadInput
from graph_service.seeding import csv_rows
from graph_service.seeding.bulk import DEFAULT_BATCH, LOAD_ORDER, write_rows
from graph_service.services.access_events import record_event
from graph_service.services.runtime import Runtime

COLUMNS: dict[str, tuple[str, ...]] = {
    "households.csv": ("id", "name", "comments", "private", "createdAtSchoolId"),
    "people.csv": ("id", "firstName", "middleName", "lastName", "suffix", "preferredName",
                   "birthDate", "gender", "studentNumber", "stateId", "staffEmployeeId"),
    "memberships.csv": ("personId", "householdId", "startDate", "endDate", "secondary",
                        "private"),
    "addresses.csv": ("householdId", "number", "street", "tag", "apartment", "poBox", "city",
                      "state", "zip", "startDate", "endDate", "physical", "mailing",
                      "secondary", "private"),
    "phones.csv": ("householdId", "personId", "number", "type", "smsCapable", "priority",
                   "private", "startDate", "endDate"),
    "relationships.csv": ("personId", "relatedPersonId", "type", "guardian", "mailing",
                          "portal", "messenger", "emergencyPriority", "livesWith",
                          "contactRestrictions", "private", "comments", "startDate", "endDate"),
    "enrolments.csv": ("personId", "schoolId", "grade", "startDate", "endDate"),
    "staff.csv": ("employeeId", "name", "email", "roleId", "locationId", "hiredAt"),
}  # fmt: skip
IMPORT_ACTOR = "csv-import"


@dataclass(frozen=True)
class Rejected:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class ImportReport:
    loaded: dict[str, int] = field(default_factory=dict)  # good rows, by file
    rejected: list[Rejected] = field(default_factory=list)


@dataclass
class _Parsed:
    """Good rows by file, each with its line, before the references are checked."""

    rows: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)


def read_rows(path: Path, report: ImportReport) -> Iterator[tuple[int, dict[str, str | None]]]:
    """The rows of one export file with their lines; rows with more or fewer cells than
    columns, rows repeating an earlier one, and a last line with no line break after it (it
    may be cut short) are reported instead."""
    cut = _ends_inside_a_line(path)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        unknown = sorted(set(reader.fieldnames or []) - set(COLUMNS[path.name]))
        if unknown:
            expected = ", ".join(COLUMNS[path.name])
            report.rejected.append(
                Rejected(
                    path.name,
                    1,
                    f"unknown columns {', '.join(unknown)} (expected {expected}); file skipped",
                )
            )
            return
        seen: dict[tuple[str | None, ...], int] = {}  # a row's cells -> the line it was on
        held: tuple[int, dict[str, str | None]] | None = None
        for raw in reader:
            if held is not None:
                yield held
                held = None
            line = reader.line_num
            extra = raw.pop(None, None)  # type: ignore[call-overload,unused-ignore]  # DictReader's overflow key
            if extra:
                report.rejected.append(Rejected(path.name, line, "more cells than columns"))
                continue
            missing = sum(value is None for value in raw.values())
            if missing:
                given, columns = len(raw) - missing, len(raw)
                reason = f"fewer cells ({given}) than columns ({columns})"
                report.rejected.append(Rejected(path.name, line, reason))
                continue
            cells = tuple(raw.values())
            if cells in seen:
                report.rejected.append(
                    Rejected(path.name, line, f"duplicate of line {seen[cells]}")
                )
                continue
            seen[cells] = line
            held = (line, raw)  # the last row waits: is it followed by a line break?
        if held is not None and cut:
            report.rejected.append(Rejected(path.name, held[0], CUT_SHORT))
        elif held is not None:
            yield held


def _ends_inside_a_line(path: Path) -> bool:
    """True when the file's last line has no line break after it (a transfer cut short)."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        if handle.tell() == 0:
            return False
        handle.seek(-1, 2)
        return handle.read(1) not in (b"\n", b"\r")


def _parse(files: list[Path], report: ImportReport, day: date) -> _Parsed:
    parsers: dict[str, csv_rows.Parser] = {
        "households.csv": csv_rows.household, "people.csv": csv_rows.person,
        "memberships.csv": csv_rows.membership, "addresses.csv": csv_rows.address,
        "phones.csv": csv_rows.phone, "relationships.csv": csv_rows.relationship,
        "enrolments.csv": csv_rows.enrolment, "staff.csv": csv_rows.staff,
    }  # fmt: skip
    parsed = _Parsed()
    for path in files:
        good = parsed.rows.setdefault(path.name, [])
        for line, raw in read_rows(path, report):
            try:
                good.append((line, parsers[path.name](raw, day)))
            except csv_rows.RowError as error:
                report.rejected.append(Rejected(path.name, line, str(error)))
    return parsed


def _unique_nodes(parsed: _Parsed, name: str, report: ImportReport) -> dict[str, int]:
    """The line of each graph id's row; a second row for the same export id is refused."""
    seen: dict[str, tuple[int, Any]] = {}
    for line, row in parsed.rows.get(name, []):
        if row["id"] in seen:
            report.rejected.append(
                Rejected(name, line, f"id: listed twice (first on line {seen[row['id']][0]})")
            )
            continue
        seen[row["id"]] = (line, row)
    return {key: line for key, (line, _) in seen.items()}


async def _existing(driver: AsyncDriver, database: str, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    rows = await read_all(driver, cypher("seed/existing_ids"), database=database, ids=sorted(ids))
    return set(rows[0]["found"])


def _references(name: str, row: Any) -> list[tuple[str, str]]:
    """(field, graph id) pairs a row needs to exist."""
    if name == "memberships.csv":
        return [("personId", row["personId"]), ("householdId", row["householdId"])]
    if name == "addresses.csv":
        return [("householdId", row[1]["householdId"])]
    if name == "phones.csv":
        return [("householdId" if row[2] else "personId", row[1]["ownerId"])]
    if name == "relationships.csv":
        return [("personId", row["fromId"]), ("relatedPersonId", row["toId"])]
    if name == "enrolments.csv":
        return [("personId", row["personId"]), ("schoolId", row["schoolId"])]
    if name == "households.csv" and row["_school"]:
        return [("createdAtSchoolId", row["_school"])]
    if name == "staff.csv":
        return [("roleId", row.role_id), ("locationId", row.location_id)]
    return []


def _files(source: Path) -> list[Path]:
    if source.is_file():
        if source.name not in COLUMNS:
            raise BadInput("source", f"{source.name} is not one of {', '.join(COLUMNS)}")
        return [source]
    return [source / name for name in COLUMNS if (source / name).exists()]


def _read_all(source: Path, report: ImportReport, day: date) -> _Parsed:
    return _parse(_files(source), report, day)


async def import_directory(
    driver: AsyncDriver,
    database: str,
    source: Path,
    *,
    batch_size: int = DEFAULT_BATCH,
    clock: Clock | None = None,
    policy: Policy | None = None,
) -> ImportReport:
    """Import `source` (a folder of the files in COLUMNS, or one of them)."""
    clock = clock or SystemClock()
    policy = policy or AccessSettings().policy()
    runtime = Runtime(driver, database, policy, clock)
    report = ImportReport()
    # Reading and validating is plain CPU and file work: off the event loop.
    parsed = await asyncio.to_thread(_read_all, source, report, runtime.today())
    people = _unique_nodes(parsed, "people.csv", report)
    households = _unique_nodes(parsed, "households.csv", report)
    wanted = {
        ref for name, rows in parsed.rows.items() for _, row in rows
        for _, ref in _references(name, row)
    }  # fmt: skip
    existing = await _existing(driver, database, wanted - set(people) - set(households))
    # A household whose school is missing is refused before anything may point at it.
    for line, row in parsed.rows.get("households.csv", []):
        if households.get(row["id"]) == line and row["_school"] and row["_school"] not in existing:
            del households[row["id"]]
    known = set(people) | set(households) | existing
    rows: dict[str, list[Any]] = {kind: [] for kind in LOAD_ORDER}
    rows["people"] = [r for line, r in parsed.rows.get("people.csv", []) if people[r["id"]] == line]
    staff: list[tuple[int, AccessEventIn]] = []
    for name, found in parsed.rows.items():
        for line, row in found:
            missing = [f for f, ref in _references(name, row) if ref not in known]
            if missing:
                reason = "; ".join(f"{f}: not found in the files or the graph" for f in missing)
                report.rejected.append(Rejected(name, line, reason))
            elif name != "people.csv":
                _place(name, row, rows, staff, line, households)
    stamp = Stamp(IMPORT_ACTOR, clock.now())
    for kind in LOAD_ORDER:
        await write_rows(
            driver, database, kind, _distinct(kind, rows[kind]), stamp=stamp,
            batch_size=batch_size,
        )  # fmt: skip
    await _hire(runtime, staff, report)
    rejected = {(r.file, r.line) for r in report.rejected}
    for name, found in parsed.rows.items():
        report.loaded[name] = sum(1 for line, _ in found if (name, line) not in rejected)
    report.rejected.sort(key=lambda r: (r.file, r.line))
    return report


async def _hire(
    runtime: Runtime, staff: list[tuple[int, AccessEventIn]], report: ImportReport
) -> None:
    """Staff rows go through the access services like any HR feed (one event each)."""
    for line, event in staff:
        try:
            await record_event(runtime, event)
        except BadInput as error:
            report.rejected.append(Rejected("staff.csv", line, f"{error.field}: {error.message}"))


def _place(
    name: str,
    row: Any,
    rows: dict[str, list[Any]],
    staff: list[tuple[int, AccessEventIn]],
    line: int,
    households: dict[str, int],
) -> None:
    """Put a checked row where the loader writes it."""
    if name == "households.csv":
        if households.get(row["id"]) == line:  # the first row for the id, school found
            rows["households"].append({k: v for k, v in row.items() if k != "_school"})
            if row["_school"]:
                rows["created_at"].append({"householdId": row["id"], "schoolId": row["_school"]})
    elif name == "addresses.csv":
        rows["addresses"].append(row[0])
        rows["locations"].append(row[1])
    elif name == "phones.csv":
        rows["phones"].append(row[0])
        rows["household_phones" if row[2] else "person_phones"].append(row[1])
    elif name == "staff.csv":
        staff.append((line, row))
    else:
        kind = {"memberships.csv": "memberships", "relationships.csv": "relationships",
                "enrolments.csv": "enrolments"}[name]  # fmt: skip
        rows[kind].append(row)


def _distinct(kind: str, rows: list[Any]) -> list[Any]:
    """Shared places and numbers appear once per row that names them; write each once."""
    key = {"addresses": "normalizedKey", "phones": "number"}.get(kind, "id")
    if kind == "created_at":
        return rows
    return list({row[key]: row for row in reversed(rows)}.values())[::-1]
