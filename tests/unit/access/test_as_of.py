"""`--as-of` names one instant (a date, a district-local date-time, or an offset instant), and
instants are printed in district time with their offset."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from graph_service.access.as_of import BadAsOf, local_iso, local_text, parse_as_of

CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("2027-01-12", "2027-01-12T00:00:00-06:00"),
        ("2027-01-12T09:30", "2027-01-12T09:30:00-06:00"),
        ("2027-01-12 09:30:15", "2027-01-12T09:30:15-06:00"),
        ("2027-07-12T09:30", "2027-07-12T09:30:00-05:00"),
        ("2027-01-12T09:30:00+01:00", "2027-01-12T02:30:00-06:00"),
        ("2027-01-12T15:30:00Z", "2027-01-12T09:30:00-06:00"),
    ],
)
def test_as_of_names_one_instant(text: str, instant: str) -> None:
    assert parse_as_of(text, CHICAGO) == datetime.fromisoformat(instant)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-13-01", "is not a date or a date-time"),
        ("next tuesday", "is not a date or a date-time"),
        ("2027-03-14T02:30", "does not exist in America/Chicago"),
        ("2026-11-01T01:30", "happens twice in America/Chicago"),
    ],
)
def test_a_value_naming_no_single_instant_is_refused(text: str, message: str) -> None:
    with pytest.raises(BadAsOf, match=message):
        parse_as_of(text, CHICAGO)


def test_instants_are_printed_in_district_time_with_their_offset() -> None:
    expiry = datetime(2028, 7, 1, 5, 0, tzinfo=UTC)
    assert local_iso(expiry, CHICAGO) == "2028-07-01T00:00:00-05:00"
    assert local_text(expiry, CHICAGO) == "Sat Jul 1, 2028 00:00 CDT (UTC-05:00)"
    assert local_text(datetime(2027, 1, 12, 15, 30, tzinfo=UTC), CHICAGO) == (
        "Tue Jan 12, 2027 09:30 CST (UTC-06:00)"
    )
