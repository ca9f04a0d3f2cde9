from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from graph_service.access.school_year import (
    MonthDay,
    expiry_instant,
    quiz_window,
    renewed_through,
    school_year_first_day,
    school_year_last_day,
    school_year_of,
    valid_through,
)

CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(
    ("day", "school_year"),
    [
        (date(2026, 6, 30), 2026),
        (date(2026, 7, 1), 2027),
        (date(2026, 12, 31), 2027),
        (date(2027, 1, 1), 2027),
        (date(2027, 6, 30), 2027),
        (date(2027, 7, 1), 2028),
    ],
)
def test_school_year_runs_july_to_june_named_by_end_year(day: date, school_year: int) -> None:
    assert school_year_of(day) == school_year


def test_school_year_bounds() -> None:
    assert school_year_first_day(2027) == date(2026, 7, 1)
    assert school_year_last_day(2027) == date(2027, 6, 30)


@pytest.mark.parametrize(
    ("granted_on", "last_valid_day"),
    [
        (date(2026, 6, 30), date(2027, 6, 30)),  # last day of 2026: through the end of 2027
        (date(2026, 7, 1), date(2028, 6, 30)),  # first day of 2027: through the end of 2028
        (date(2027, 3, 15), date(2028, 6, 30)),
    ],
)
def test_grant_is_valid_through_the_end_of_the_next_school_year(
    granted_on: date, last_valid_day: date
) -> None:
    assert valid_through(granted_on) == last_valid_day


def test_renewal_adds_two_school_years() -> None:
    assert renewed_through(date(2028, 6, 30)) == date(2030, 6, 30)


def test_expiry_instant_is_district_midnight_after_the_last_day() -> None:
    assert expiry_instant(date(2028, 6, 30), CHICAGO) == datetime(2028, 7, 1, tzinfo=CHICAGO)
    assert expiry_instant(date(2028, 6, 30), CHICAGO).utcoffset() is not None


@pytest.mark.parametrize(
    ("opens_on", "last_valid_day", "opens"),
    [
        (MonthDay(4, 1), date(2028, 6, 30), date(2028, 4, 1)),
        (MonthDay(9, 1), date(2028, 6, 30), date(2027, 9, 1)),  # autumn: start of the year
        (MonthDay(7, 1), date(2028, 6, 30), date(2027, 7, 1)),
        (MonthDay(6, 30), date(2028, 6, 30), date(2028, 6, 30)),
    ],
)
def test_quiz_window_opens_in_the_last_school_year(
    opens_on: MonthDay, last_valid_day: date, opens: date
) -> None:
    window = quiz_window(last_valid_day, opens_on)
    assert (window.opens, window.due) == (opens, last_valid_day)
    assert window.contains(opens)
    assert not window.contains(date.fromordinal(opens.toordinal() - 1))
    assert not window.contains(date(2028, 7, 1))


def test_impossible_month_day_is_refused() -> None:
    with pytest.raises(ValueError, match="day is out of range"):
        MonthDay(2, 30)


def test_feb_29_falls_back_in_common_years() -> None:
    assert MonthDay(2, 29).in_year(2027) == date(2027, 2, 28)
