from __future__ import annotations

from datetime import date

import pytest

from graph_service.access.business_days import BusinessCalendar

THANKSGIVING = BusinessCalendar.with_closures([date(2026, 11, 26), date(2026, 11, 27)])
MONDAY_CLOSURE = BusinessCalendar.with_closures([date(2026, 10, 12)])


@pytest.mark.parametrize(
    ("calendar", "start", "count", "expected"),
    [
        (BusinessCalendar(), date(2026, 10, 5), 2, date(2026, 10, 7)),  # Mon -> Wed
        (BusinessCalendar(), date(2026, 10, 8), 2, date(2026, 10, 12)),  # Thu -> Mon
        (BusinessCalendar(), date(2026, 10, 9), 2, date(2026, 10, 13)),  # Fri -> Tue
        (BusinessCalendar(), date(2026, 10, 10), 2, date(2026, 10, 13)),  # Sat -> Tue
        (BusinessCalendar(), date(2026, 10, 11), 2, date(2026, 10, 13)),  # Sun -> Tue
        (MONDAY_CLOSURE, date(2026, 10, 9), 2, date(2026, 10, 14)),  # Fri before a closure
        (THANKSGIVING, date(2026, 11, 25), 2, date(2026, 12, 1)),  # Wed before Thanksgiving
        (THANKSGIVING, date(2026, 11, 26), 1, date(2026, 11, 30)),  # on the closure itself
        (BusinessCalendar(), date(2026, 10, 9), 0, date(2026, 10, 9)),
    ],
)
def test_add_business_days_skips_weekends_and_closures(
    calendar: BusinessCalendar, start: date, count: int, expected: date
) -> None:
    assert calendar.add_business_days(start, count) == expected


def test_closures_and_weekends_are_not_business_days() -> None:
    assert not MONDAY_CLOSURE.is_business_day(date(2026, 10, 12))
    assert not MONDAY_CLOSURE.is_business_day(date(2026, 10, 10))
    assert MONDAY_CLOSURE.is_business_day(date(2026, 10, 13))


def test_business_days_after_counts_the_half_open_interval() -> None:
    assert MONDAY_CLOSURE.business_days_after(date(2026, 10, 9), date(2026, 10, 14)) == 2
    assert MONDAY_CLOSURE.business_days_after(date(2026, 10, 14), date(2026, 10, 9)) == 0


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        BusinessCalendar().add_business_days(date(2026, 10, 9), -1)
