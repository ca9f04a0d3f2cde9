"""Calendar arithmetic checked against its own definitions on arbitrary dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from graph_service.access.school_year import (
    MonthDay,
    quiz_window,
    school_year_first_day,
    school_year_last_day,
    school_year_of,
    valid_through,
)
from tests.unit.access.builders import POLICY

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
CALENDAR = POLICY.calendar


@given(DAYS, st.integers(min_value=1, max_value=30))
def test_adding_n_business_days_lands_on_the_nth_business_day(day: date, n: int) -> None:
    later = CALENDAR.add_business_days(day, n)
    assert CALENDAR.is_business_day(later)
    assert CALENDAR.business_days_after(day, later) == n
    assert CALENDAR.business_days_after(day, later - timedelta(days=1)) == n - 1


@given(DAYS)
def test_every_day_lies_in_its_school_year(day: date) -> None:
    year = school_year_of(day)
    assert school_year_first_day(year) <= day <= school_year_last_day(year)
    assert school_year_last_day(year) + timedelta(days=1) == school_year_first_day(year + 1)


@given(DAYS)
def test_validity_ends_on_june_30_one_or_two_years_on(day: date) -> None:
    end = valid_through(day)
    assert (end.month, end.day) == (6, 30)
    assert school_year_of(end) == school_year_of(day) + 1
    assert 365 <= (end - day).days <= 730


@given(DAYS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_quiz_window_lies_in_the_grants_last_school_year(day: date, month: int, dom: int) -> None:
    end = valid_through(day)
    window = quiz_window(end, MonthDay(month, dom))
    assert window.due == end
    assert school_year_of(window.opens) == school_year_of(end)
    assert window.opens <= window.due
