"""Date spans with inclusive ends: a fact holds from its start through its end date.

"Current on D" means start <= D and (no end or end >= D). A move on D ends the old fact on
D - 1 and starts the new one on D, so the two never hold on the same day.
"""

from __future__ import annotations

from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def holds_on(start: date | None, end: date | None, day: date) -> bool:
    """Whether a fact spanning start..end (inclusive; no start = always) holds on `day`."""
    return (start is None or start <= day) and (end is None or end >= day)


def overlaps(
    start: date | None, end: date | None, other_start: date | None, other_end: date | None
) -> bool:
    """Whether two inclusive spans share at least one day (open ends run forever)."""
    starts_before_other_ends = start is None or other_end is None or start <= other_end
    other_starts_before_end = other_start is None or end is None or other_start <= end
    return starts_before_other_ends and other_starts_before_end


def day_before(day: date) -> date:
    return day - ONE_DAY
