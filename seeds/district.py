"""What the generator produces: rows ready for the bulk loader, the staff story, and the ids of
the cases planted for the data-steward tools.

Rows are plain dicts keyed by the graph's own property names (camelCase), so the loader's
Cypher can write them as they are and what lands in Neo4j is what the use cases would write.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from graph_service.access.events import AccessEventIn
from graph_service.db.staff import ReferenceData
from graph_service.seeding.natural_ids import VARIANT

Row = dict[str, Any]
_VARIANT_OF = {f"{digit:x}": variant for digit, variant in enumerate(VARIANT)}  # no int() a call


class Ids:
    """uuid5 ids from the seed: the same seed and the same order of calls give the same ids,
    which is what makes a rerun MERGE onto the graph it made the first time."""

    def __init__(self, seed: int) -> None:
        namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"graph-service/demo-district/{seed}")
        self._namespace = hashlib.sha1(namespace.bytes, usedforsecurity=False)
        self._counts: dict[str, int] = {}

    def new(self, kind: str) -> str:
        """Equal to `str(uuid.uuid5(namespace, f"{kind}/{n}"))` for the n-th id of `kind`
        (a 100,000-household district needs about two million of them)."""
        n = self._counts[kind] = self._counts.get(kind, 0) + 1
        digest = self._namespace.copy()
        digest.update(f"{kind}/{n}".encode())
        h = digest.hexdigest()  # as in natural_ids.uuid5_under, inlined: the hottest call
        return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT_OF[h[16]]}{h[17:20]}-{h[20:32]}"


@dataclass(frozen=True)
class StaffStep:
    """One moment of the staff story: deliver `events` at `at`, then sweep if asked."""

    at: datetime
    events: tuple[AccessEventIn, ...] = ()
    sweep: bool = False


@dataclass
class StaffStory:
    """Reference data and a timeline the real access services replay, in order."""

    reference: ReferenceData
    steps: list[StaffStep]
    # Demo staff by the access state they show at the anchor instant.
    by_state: dict[str, str]


@dataclass
class Planted:
    """Census-rule breaks and duplicates put there on purpose, by rule (DESIGN.md section 2).
    The steward views must find exactly these on a generated district."""

    student_without_guardian: list[str] = field(default_factory=list)
    more_than_two_guardians: list[str] = field(default_factory=list)
    guardian_under_18: list[str] = field(default_factory=list)
    household_without_physical_address: list[str] = field(default_factory=list)
    two_current_primary_memberships: list[str] = field(default_factory=list)
    guardian_in_more_than_one_household: list[str] = field(default_factory=list)
    relationship_without_start_date: list[str] = field(default_factory=list)
    duplicate_people: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class District:
    """Every row of a generated district, grouped by what the loader writes."""

    seed: int
    households_asked: int
    schools: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    households: list[Row] = field(default_factory=list)
    created_at: list[Row] = field(default_factory=list)  # (Household)-[:CREATED_AT]->(School)
    addresses: list[Row] = field(default_factory=list)
    phones: list[Row] = field(default_factory=list)
    memberships: list[Row] = field(default_factory=list)
    locations: list[Row] = field(default_factory=list)
    household_phones: list[Row] = field(default_factory=list)
    person_phones: list[Row] = field(default_factory=list)
    relationships: list[Row] = field(default_factory=list)
    enrolments: list[Row] = field(default_factory=list)
    planted: Planted = field(default_factory=Planted)
    staff: StaffStory | None = None

    def row_counts(self) -> dict[str, int]:
        """How many rows of each kind, for progress bars and summaries."""
        kinds = (
            "people", "households", "created_at", "addresses", "phones", "memberships",
            "locations", "household_phones", "person_phones", "relationships", "enrolments",
        )  # fmt: skip
        return {kind: len(getattr(self, kind)) for kind in kinds}
