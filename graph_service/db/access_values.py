"""Turning models into graph properties, for the access data functions. Instants are stored
in UTC; calendar dates stay dates. (Reading back uses db.run's fetch_all and native.)"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


def instant_text(value: datetime) -> str:
    """An instant as ISO-8601 text in UTC, for statements that parse it (`datetime($x)`):
    on a hot path, since the driver's own conversion of a datetime parameter is slow
    (about 80 microseconds of CPU, against about one for this)."""
    return value.astimezone(UTC).isoformat()


def stored(value: Any) -> Any:
    """A value ready for the graph: aware datetimes in UTC (one zone in storage), enums as
    their text."""
    if type(value) is str:  # most values (an audit entry's ids), at once
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    if isinstance(value, date):
        return value
    if isinstance(value, list):
        return [item if type(item) is str else stored(item) for item in value]
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value
