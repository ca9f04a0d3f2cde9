"""Turning the steward statements' small record maps into references a UI can show."""

from __future__ import annotations

from typing import Any

from graph_service.domain.steward import RecordKind, RecordRef


def person_label(row: dict[str, Any]) -> str:
    """ "Preferred (or first) Last Suffix": how staff say a person's name."""
    given = row.get("preferredName") or row.get("firstName") or ""
    parts = [given, row.get("lastName") or "", row.get("suffix") or ""]
    return " ".join(part for part in parts if part)


def record_ref(row: dict[str, Any]) -> RecordRef:
    """A record map as a reference. Maps carry `kind`, or a `person` flag where the
    statement can't know the kind in advance (path and network nodes)."""
    if "kind" in row:
        kind = RecordKind(row["kind"])
    else:
        kind = RecordKind.PERSON if row.get("person") else RecordKind.HOUSEHOLD
    label = person_label(row) if kind is RecordKind.PERSON else str(row.get("name") or "")
    return RecordRef(id=row["id"], kind=kind, label=label)
