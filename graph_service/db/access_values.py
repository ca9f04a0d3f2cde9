"""Turning models into graph properties, for the access data functions. Instants are stored
in UTC; calendar dates stay dates. (Reading back uses db.run's fetch_all and native.)"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


def stored(value: Any) -> Any:
    """A value ready for the graph: aware datetimes in UTC (one zone in storage), enums as
    their text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    if isinstance(value, date):
        return value
    if isinstance(value, list):
        return [stored(item) for item in value]
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value
