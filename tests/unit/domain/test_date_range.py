from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import TypeAdapter, ValidationError

from graph_service.domain.date_range import Day, Instant, out_of_range

DAYS = TypeAdapter(Day)
INSTANTS = TypeAdapter(Instant)


@pytest.mark.parametrize("day", ["1900-01-01", "2026-09-01", "2100-12-31"])
def test_days_from_1900_through_2100_are_kept(day: str) -> None:
    assert DAYS.validate_python(day) == date.fromisoformat(day)


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_days_outside_are_refused_with_the_range(day: str) -> None:
    with pytest.raises(ValidationError, match=r"1900-01-01 to 2100-12-31"):
        DAYS.validate_python(day)


def test_an_instant_is_judged_by_its_day_in_its_own_offset_without_overflowing() -> None:
    assert INSTANTS.validate_python("2100-12-31T23:59:59-12:00").year == 2100
    assert INSTANTS.validate_python("1900-01-01T00:00:00+14:00").year == 1900
    for far in ("9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"):
        with pytest.raises(ValidationError, match="outside the dates"):
            INSTANTS.validate_python(far)


def test_out_of_range_names_the_day() -> None:
    assert out_of_range(date(2026, 9, 1)) is None
    assert (out_of_range(datetime(1, 1, 1).date()) or "").startswith("0001-01-01 is outside")
