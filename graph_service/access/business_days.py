"""Business days: weekdays that are not district closure days. The SLA counts only these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

_SATURDAY = 5


@dataclass(frozen=True)
class BusinessCalendar:
    """The district's working calendar: Monday to Friday minus its closure days."""

    closures: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def with_closures(cls, closures: Iterable[date]) -> BusinessCalendar:
        """A calendar closed on these days (besides weekends)."""
        return cls(frozenset(closures))

    def is_business_day(self, day: date) -> bool:
        """True on a weekday the district is open."""
        return day.weekday() < _SATURDAY and day not in self.closures

    def add_business_days(self, day: date, count: int) -> date:
        """The `count`-th business day after `day` (`day` itself never counts: work that
        arrives on a Friday afternoon is first handled on the next business day)."""
        if count < 0:
            raise ValueError("count must not be negative")
        current = day
        remaining = count
        while remaining:
            current += timedelta(days=1)
            if self.is_business_day(current):
                remaining -= 1
        return current

    def business_days_after(self, start: date, end: date) -> int:
        """How many business days lie in (start, end]: 0 when end is not after start."""
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_business_day(current):
                count += 1
        return count
