"""Reading an `--as-of` instant as an operator types it: a date means the start of that day
where the district is; a date and time without an offset is district time too."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from graph_service.domain.date_range import out_of_range


def parse_as_of(text: str, district_zone: ZoneInfo) -> datetime:
    """The instant `text` names (ValueError with what to type when it names none)."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f'"{text}" is not a date or an instant; use YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS] '
            "(district time) or add an offset such as -05:00"
        ) from None
    if len(text.strip()) == 10:  # a date alone
        parsed = datetime.combine(parsed.date(), time(0))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=district_zone)
    if reason := out_of_range(parsed.date()):
        raise ValueError(reason)
    return parsed
