"""The span of days the service keeps: every date and instant it accepts falls inside it.

The district's records start after 1900 (the oldest birth dates) and are planned years, not
centuries, ahead. A date outside is a typo or a probe (0001-01-01, 9999-12-31), and near the
ends of Python's calendar the day's arithmetic (the day before a move, an instant in UTC)
overflows. This module is the one place the span is defined: the domain's input models, the
API's Date and DateTime scalars and the feeds' events all check against it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime

EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2100, 12, 31)


def out_of_range(day: date) -> str | None:
    """Why `day` is not a day the service keeps, or None when it is one."""
    if EARLIEST_DAY <= day <= LATEST_DAY:
        return None
    return (
        f"{day.isoformat()} is outside the dates this service keeps "
        f"({EARLIEST_DAY} to {LATEST_DAY})"
    )


def plausible_day(value: date) -> date:
    """`value`, or ValueError (which pydantic reports with the field) when out of range."""
    reason = out_of_range(value)
    if reason:
        raise ValueError(reason)
    return value


def plausible_instant(value: datetime) -> datetime:
    """`value` when its day, as written in its own offset, is in range. Converting first
    would overflow at the calendar's ends (9999-12-31T23:59:59-12:00 is past year 9999 in
    UTC); within the span an offset of at most a day changes nothing that matters."""
    reason = out_of_range(value.date())
    if reason:
        raise ValueError(reason)
    return value


Day = Annotated[date, AfterValidator(plausible_day)]
Instant = Annotated[AwareDatetime, AfterValidator(plausible_instant)]
