"""Instants as people in the district say them: `--as-of` read as a date, a local date-time or
an ISO instant with its offset, and every instant we print given in district time with its
offset (a feed operator in another zone, or a log in UTC, still reads it one way)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from graph_service.domain.date_range import out_of_range

AS_OF_HELP = (
    "An instant: YYYY-MM-DD (the start of that day in district time), a local date-time "
    "YYYY-MM-DDTHH:MM[:SS] in district time, or an ISO 8601 instant with its offset."
)


class BadAsOf(ValueError):
    """An --as-of value that names no single instant; the message says what to write."""


def parse_as_of(text: str, zone: ZoneInfo) -> datetime:
    """The instant `text` names in the district's `zone` (see AS_OF_HELP), or BadAsOf (also
    for a day outside the span the service keeps)."""
    instant = _instant(text, zone)
    if reason := out_of_range(instant.date()):
        raise BadAsOf(reason)
    return instant


def _instant(text: str, zone: ZoneInfo) -> datetime:
    value = text.strip()
    try:
        if len(value) == len("YYYY-MM-DD"):
            return datetime.combine(date.fromisoformat(value), time(0), tzinfo=zone)
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadAsOf(
            f'"{text}" is not a date or a date-time (e.g. 2027-01-12, 2027-01-12T09:30 or '
            "2027-01-12T09:30:00-06:00)"
        ) from None
    if parsed.tzinfo is not None:
        return parsed
    return _local(parsed, zone)


def _local(wall: datetime, zone: ZoneInfo) -> datetime:
    """A wall-clock time in `zone`, refused when the clocks skip it or show it twice."""
    early, late = wall.replace(tzinfo=zone, fold=0), wall.replace(tzinfo=zone, fold=1)
    there_and_back = early.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
    if there_and_back != wall:
        raise BadAsOf(
            f"{wall:%Y-%m-%d %H:%M} does not exist in {zone.key} (the clocks skip it); "
            "give an offset"
        )
    if early.utcoffset() != late.utcoffset():
        raise BadAsOf(
            f"{wall:%Y-%m-%d %H:%M} happens twice in {zone.key} (the clocks go back); give "
            f"an offset: {early.isoformat()} or {late.isoformat()}"
        )
    return early


def local_iso(instant: datetime, zone: ZoneInfo) -> str:
    """An instant in district time with its offset, e.g. 2028-07-01T00:00:00-05:00."""
    return instant.astimezone(zone).isoformat()


def local_text(instant: datetime, zone: ZoneInfo) -> str:
    """An instant for reading: 'Thu Jul 1, 2027 00:00 CDT (UTC-05:00)'."""
    local = instant.astimezone(zone)
    offset = local.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{local:%a %b %-d, %Y %H:%M %Z} (UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"
