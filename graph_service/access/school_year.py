"""School years, validity and the recertification window: the calendar arithmetic of access.

Dates here are district-local calendar dates; only `expiry_instant` turns one into an instant,
because "expires June 30" means "usable until midnight where the district is".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo


@dataclass(frozen=True, order=True)
class MonthDay:
    """A day of the year without a year (a school-year start, a window opening)."""

    month: int
    day: int

    def __post_init__(self) -> None:
        # 2024 is a leap year, so Feb 29 is accepted; every other impossible day is refused.
        date(2024, self.month, self.day)

    def in_year(self, year: int) -> date:
        """This month/day in `year` (Feb 29 falls back to Feb 28 in common years)."""
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return date(year, self.month, self.day - 1)


JULY_1 = MonthDay(7, 1)


def school_year_of(day: date, start: MonthDay = JULY_1) -> int:
    """The school year holding `day`, named by its end year (2026-09-01 -> 2027)."""
    return day.year + 1 if (day.month, day.day) >= (start.month, start.day) else day.year


def school_year_first_day(year: int, start: MonthDay = JULY_1) -> date:
    """The first day of school year `year` (2027 -> 2026-07-01)."""
    return start.in_year(year - 1)


def school_year_last_day(year: int, start: MonthDay = JULY_1) -> date:
    """The last day of school year `year` (2027 -> 2027-06-30)."""
    return start.in_year(year) - timedelta(days=1)


def valid_through(granted_on: date, school_years: int = 2, start: MonthDay = JULY_1) -> date:
    """Last valid day of a grant made on `granted_on`: the end of the school year after it
    (for the usual two school years)."""
    return school_year_last_day(school_year_of(granted_on, start) + school_years - 1, start)


def renewed_through(current_valid_through: date, school_years: int = 2) -> date:
    """A quiz in the window carries the grant through the next `school_years` school years."""
    return current_valid_through.replace(year=current_valid_through.year + school_years)


def expiry_instant(last_valid_day: date, zone: tzinfo) -> datetime:
    """The first instant the grant no longer holds: midnight after its last valid day."""
    return datetime.combine(last_valid_day + timedelta(days=1), time(0), tzinfo=zone)


@dataclass(frozen=True)
class QuizWindow:
    """When the recertification quiz counts: from `opens` through `due`, both inclusive."""

    opens: date
    due: date

    def contains(self, day: date) -> bool:
        """True when `day` falls inside the window."""
        return self.opens <= day <= self.due


def quiz_window(last_valid_day: date, opens_on: MonthDay, start: MonthDay = JULY_1) -> QuizWindow:
    """The window in the grant's last school year: it opens on `opens_on` and is due on the
    grant's last valid day."""
    year = school_year_of(last_valid_day, start)
    first = school_year_first_day(year, start)
    opens = opens_on.in_year(first.year)
    if opens < first:
        opens = opens_on.in_year(first.year + 1)
    return QuizWindow(opens=opens, due=last_valid_day)
