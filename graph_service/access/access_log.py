"""The access record of a household or a person: who read or changed it, when, through which
operation, and whether they were entitled at that instant; and its CSV form."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

Action = Literal["read", "change"]

CSV_COLUMNS = [
    "at",
    "actor",
    "operation",
    "action",
    "right",
    "allowed",
    "entitled",
    "entitlement",
    "subject_ids",
    "policy_version",
    "entry_id",
]


class AccessLogEntry(BaseModel):
    """One audited read or change of the subject (refusals included)."""

    model_config = ConfigDict(frozen=True)

    entry_id: str
    at: datetime
    actor: str
    operation: str
    action: Action
    right: str
    allowed: bool  # what the service did then, as the audit recorded it
    entitled: bool  # the point-in-time decision: did the actor's grant cover it then?
    entitlement: str  # why (or why not)
    subject_ids: list[str]  # the subject's ids the entry names (the household or members)
    policy_version: str


def to_csv(entries: list[AccessLogEntry]) -> str:
    """The entries as CSV with a header row; instants in ISO 8601 with their offset."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = entry.model_dump(mode="json")
        row["subject_ids"] = " ".join(entry.subject_ids)
        row["allowed"] = "yes" if entry.allowed else "no"
        row["entitled"] = "yes" if entry.entitled else "no"
        writer.writerow(row)
    return out.getvalue()


def from_csv(text: str) -> list[AccessLogEntry]:
    """Entries back from `to_csv`'s text (what an auditor's tool would read)."""
    rows = csv.DictReader(io.StringIO(text))
    return [
        AccessLogEntry.model_validate(
            {
                **row,
                "allowed": row["allowed"] == "yes",
                "entitled": row["entitled"] == "yes",
                "subject_ids": row["subject_ids"].split(),
            }
        )
        for row in rows
    ]
