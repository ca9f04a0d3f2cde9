"""Time as a dependency: the service asks a Clock, tests and demos pin one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A pinned clock; `advance_to` moves it (tests walk through time with it)."""

    instant: datetime

    def __post_init__(self) -> None:
        if self.instant.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")

    def now(self) -> datetime:
        # Always UTC, like SystemClock: the Neo4j driver hands its own DateTime to
        # ZoneInfo.utcoffset when packing a zoneinfo-aware value, which can crash the
        # interpreter (seen as a segfault in neo4j.time._utc_offset).
        return self.instant.astimezone(UTC)

    def advance_to(self, instant: datetime) -> None:
        self.instant = instant
