"""A generated district as the CSV files `neo4j-admin database import full` reads: one header
file and one data file per kind of row, written chunk by chunk as the generator streams.

What the importer makes of them is what the batched loader (cypher/seed/merge_*.cypher)
writes for the same rows: the same labels, relationship types, ids and properties (a null
is no property), the same stamps (createdAt/updatedAt at the load's instant, by the seeding
actor, version 1; CREATED_AT edges carry none), so a later batched top-up merges onto it.
Schools are written as the staff story's recording holds them (or, for schools opened
later, as `staff/upsert_schools` creates them), so the recording's reference MERGE finds
them as it would after a batched load. The households' school listings (LISTED_AT, which
the batched path's statements write through `fragments/list_household_at_schools`) are
derived from each chunk's memberships, enrolments and creation schools (`listings`).
`tests/integration/seeding/test_bulk_import.py` compares the two paths' graphs property by
property.

Nodes are written under their own record ids (`import_numbers`), and edges name their ends
by those: the importer then keeps no id map. The number is not stored as a property; the key
stays one as before.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, NamedTuple

from graph_service.db.run import Stamp
from graph_service.seeding.import_numbers import ImportNumbers
from graph_service.services.searches import LISTING_SEPARATOR
from seeds.district import District, Row

STAMPS = (("createdAt", "datetime"), ("createdBy", "string"), ("updatedAt", "datetime"),
          ("updatedBy", "string"), ("version", "long"))  # fmt: skip


@dataclass(frozen=True)
class NodeKind:
    label: str
    key: str  # the property edges find the node by (they name its import number)
    properties: tuple[tuple[str, str], ...]  # (name, importer type) besides the key


@dataclass(frozen=True)
class EdgeKind:
    type: str
    start: tuple[str, str]  # (row field, id space)
    end: tuple[str, str]
    properties: tuple[tuple[str, str], ...]
    stamped: bool = True


def _strings(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, "string") for name in names)


NODES: dict[str, NodeKind] = {
    "people": NodeKind("Person", "id", (
        *_strings("firstName", "middleName", "lastName", "suffix", "preferredName"),
        ("birthDate", "date"),
        *_strings("gender", "studentNumber", "stateId", "staffEmployeeId", "firstNameKey",
                  "lastNameKey"),
    )),
    "households": NodeKind("Household", "id", (
        *_strings("name", "nameKey", "comments"), ("private", "boolean"),
    )),
    "addresses": NodeKind("Address", "normalizedKey", _strings(
        "id", "streetKey", "number", "street", "tag", "apartment", "poBox", "city", "state", "zip",
    )),
    "phones": NodeKind("Phone", "number", (
        *_strings("id", "type"), ("smsCapable", "boolean"),
    )),
}  # fmt: skip

_DATED = (("startDate", "date"), ("endDate", "date"))
EDGES: dict[str, EdgeKind] = {
    "created_at": EdgeKind(
        "CREATED_AT", ("householdId", "Household"), ("schoolId", "School"), (), stamped=False
    ),
    "memberships": EdgeKind("MEMBER_OF", ("personId", "Person"), ("householdId", "Household"), (
        ("id", "string"), *_DATED, ("secondary", "boolean"), ("private", "boolean"),
    )),
    "locations": EdgeKind("LOCATED_AT", ("householdId", "Household"), ("addressKey", "Address"), (
        ("id", "string"), *_DATED, ("physical", "boolean"), ("mailing", "boolean"),
        ("secondary", "boolean"), ("private", "boolean"),
    )),
    "household_phones": EdgeKind("HAS_PHONE", ("ownerId", "Household"), ("number", "Phone"), (
        ("id", "string"), ("priority", "long"), ("private", "boolean"), *_DATED,
    )),
    "person_phones": EdgeKind("HAS_PHONE", ("ownerId", "Person"), ("number", "Phone"), (
        ("id", "string"), ("priority", "long"), ("private", "boolean"), *_DATED,
    )),
    "relationships": EdgeKind("RELATED_TO", ("fromId", "Person"), ("toId", "Person"), (
        *_strings("id", "type"), *_DATED,
        *((flag, "boolean") for flag in ("guardian", "mailing", "portal", "messenger")),
        ("emergencyPriority", "long"), ("livesWith", "boolean"),
        ("contactRestrictions", "string"), ("private", "boolean"), ("comments", "string"),
    )),
    "enrolments": EdgeKind("ENROLLED_AT", ("personId", "Person"), ("schoolId", "School"), (
        *_strings("id", "grade"), *_DATED,
    )),
}  # fmt: skip

SCHOOL_PROPERTIES = (("name", "string"), *STAMPS)
# fragments/list_household_at_schools keys a listing by school id, name key and household id
# with the searches' separator; the edge carries no stamps.


def listings(chunk: District) -> list[tuple[str, str, str]]:
    """(household id, school id, key) of every LISTED_AT edge the chunk's households get: one
    to each school a member is, was or will be enrolled at, and to the creation school. A
    family is made whole within one chunk (its people, households, memberships and
    enrolments), so a chunk's own rows decide its households' listings."""
    name_keys = {row["id"]: row["nameKey"] for row in chunk.households}
    schools_of: dict[str, set[str]] = {}
    for enrolment in chunk.enrolments:
        schools_of.setdefault(enrolment["personId"], set()).add(enrolment["schoolId"])
    listed: dict[str, set[str]] = {
        row["householdId"]: {row["schoolId"]} for row in chunk.created_at
    }
    for membership in chunk.memberships:
        schools = schools_of.get(membership["personId"])
        if schools:
            listed.setdefault(membership["householdId"], set()).update(schools)
    rows = []
    for household, schools in listed.items():
        if household not in name_keys:
            raise ValueError(f"household {household} is listed in a chunk that did not make it")
        tail = f"{LISTING_SEPARATOR}{name_keys[household]}{LISTING_SEPARATOR}{household}"
        rows += [(household, school, f"{school}{tail}") for school in sorted(schools)]
    return rows


def _header(columns: Sequence[str]) -> str:
    return ",".join(columns) + "\n"


_FLAG = {True: "true", False: "false", None: None}


def _tuple_getter(fields: Sequence[str]) -> Callable[[Row], tuple[Any, ...]]:
    """itemgetter, always giving a tuple (it gives a bare value for one field)."""
    if not fields:
        return lambda row: ()
    if len(fields) == 1:
        field = fields[0]
        return lambda row: (row[field],)
    return itemgetter(*fields)


class _Layout(NamedTuple):
    """How one kind's rows become lines."""

    number: Callable[..., int]  # ImportNumbers.assign (a node's own) or .find (edge ends)
    ends: tuple[tuple[str, str], ...]  # (label, row field) of each number, in column order
    values: Callable[[Row], tuple[Any, ...]]  # the stored keys and other properties
    flags: Callable[[Row], tuple[Any, ...]]  # the booleans
    stamps: tuple[Any, ...]


class ImportFiles:
    """Writes the district's rows into `folder` as they come; `arguments()` lists the files
    for `neo4j-admin database import full`."""

    def __init__(self, folder: Path, stamp: Stamp) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        now = stamp.params()["now"].isoformat()
        self._stamps: tuple[Any, ...] = (now, stamp.actor, now, stamp.actor, 1)
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        self._layouts: dict[str, _Layout] = {}
        self._numbers = ImportNumbers()
        self.rows: dict[str, int] = {}
        for kind, node in NODES.items():
            keys = [":ID", f"{node.key}:string"]
            self._open(kind, keys, [(node.key, node.label)], [node.key], node.properties)
        for kind, edge in EDGES.items():
            self._open(
                kind,
                [":START_ID", ":END_ID"],
                [edge.start, edge.end],
                [],
                edge.properties,
                edge.stamped,
            )
        self._open("schools", [":ID", "id:string", *(f"{n}:{t}" for n, t in SCHOOL_PROPERTIES)])
        self._open("listings", [":START_ID", ":END_ID", "key:string"])
        self._schools: set[str] = set()

    def _open(
        self,
        kind: str,
        keys: list[str],
        numbered: list[tuple[str, str]] | None = None,
        stored: list[str] | None = None,
        properties: Sequence[tuple[str, str]] = (),
        stamped: bool = True,
    ) -> None:
        """The header lists the import numbers (of the `numbered` (field, label) pairs: a
        node's own key, or an edge's two ends), the keys kept as properties (`stored`), the
        other properties, the booleans, then the stamps: booleans go apart because the
        importer reads only a lower-case "true" as true. Kinds without `numbered` fields are
        written by their own methods."""
        others = [(name, kind_) for name, kind_ in properties if kind_ != "boolean"]
        flags = [name for name, kind_ in properties if kind_ == "boolean"]
        stamps = STAMPS if stamped and properties else ()
        columns = [*keys, *(f"{n}:{t}" for n, t in others), *(f"{n}:boolean" for n in flags)]
        columns += [f"{n}:{t}" for n, t in stamps]
        (self.folder / f"{kind}.header.csv").write_text(_header(columns))
        handle = (self.folder / f"{kind}.csv").open("w", newline="", encoding="utf-8")
        self._files[kind] = handle
        self._writers[kind] = csv.writer(handle, lineterminator="\n")
        self.rows[kind] = 0
        if numbered:
            self._layouts[kind] = _Layout(
                self._numbers.assign if kind in NODES else self._numbers.find,
                tuple((label, field) for field, label in numbered),
                _tuple_getter([*(stored or []), *(name for name, _ in others)]),
                _tuple_getter(flags),
                self._stamps if stamps else (),
            )

    def write(self, chunk: District) -> None:
        """Append one chunk's rows (None becomes an empty field: no property). Nodes come
        first: an edge's ends are numbered as their nodes were."""
        self._numbers.new_chunk()
        for school in chunk.schools:  # edges name them before write_school writes them
            self._numbers.keep("School", school["id"])
        flag = _FLAG.__getitem__
        for kind, (number, ends, values, flags, stamps) in self._layouts.items():
            rows: list[Row] = getattr(chunk, kind)
            if not rows:
                continue
            self._check_fields(kind, rows[0])
            if len(ends) == 1:
                ((label, key),) = ends
                lines: Iterable[list[Any]] = (
                    [number(label, row[key]), *values(row), *map(flag, flags(row)), *stamps]
                    for row in rows
                )
            else:
                (start, start_field), (end, end_field) = ends
                lines = (
                    [number(start, row[start_field]), number(end, row[end_field]), *values(row),
                     *map(flag, flags(row)), *stamps]
                    for row in rows
                )  # fmt: skip
            self._writers[kind].writerows(lines)
            self.rows[kind] += len(rows)
        listed = listings(chunk)
        find = self._numbers.find
        self._writers["listings"].writerows(
            (find("Household", household), find("School", school), key)
            for household, school, key in listed
        )
        self.rows["listings"] += len(listed)

    def _check_fields(self, kind: str, row: Row) -> None:
        """A row field the files have no column for would be silently dropped: refuse it."""
        spec = NODES.get(kind) or EDGES[kind]
        if isinstance(spec, NodeKind):
            known = {spec.key, *(name for name, _ in spec.properties)}
        else:
            known = {spec.start[0], spec.end[0], *(name for name, _ in spec.properties)}
        if set(row) - known:
            raise ValueError(f"{kind} rows carry {sorted(set(row) - known)}: no import column")

    def write_school(self, properties: dict[str, Any]) -> None:
        """One School node, once (its id, name and stamps as the graph would hold them)."""
        if properties["id"] in self._schools:
            return
        self._schools.add(properties["id"])
        values = [self._numbers.keep("School", properties["id"]), properties["id"]]
        for name, kind in SCHOOL_PROPERTIES:
            value = properties.get(name)
            values.append(value.isoformat() if kind == "datetime" and value else value)
        self._writers["schools"].writerow(values)
        self.rows["schools"] += 1

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()

    def arguments(self) -> list[str]:
        """`--nodes=` and `--relationships=` options naming the files (empty kinds left out),
        and the kind of id they give (import_numbers)."""
        options = ["--id-type=actual"]  # import_numbers
        for kind, node in (*NODES.items(), ("schools", NodeKind("School", "id", ()))):
            if self.rows[kind]:
                options.append(f"--nodes={node.label}={self._pair(kind)}")
        for kind, edge in EDGES.items():
            if self.rows[kind]:
                options.append(f"--relationships={edge.type}={self._pair(kind)}")
        if self.rows["listings"]:
            options.append(f"--relationships=LISTED_AT={self._pair('listings')}")
        return options

    def _pair(self, kind: str) -> str:
        return f"{self.folder / f'{kind}.header.csv'},{self.folder / f'{kind}.csv'}"
