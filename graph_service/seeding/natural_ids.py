"""Ids derived from a record's natural key, so the same place or number gets the same id
whichever load (demo seed, CSV import) writes it first: a later load merges onto it instead
of meeting a uniqueness constraint with a second id."""

from __future__ import annotations

import uuid

# The CSV import's namespace, kept so ids it already wrote stay what they were.
NATURAL_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "graph-service/csv-import")


def natural_id(*parts: object) -> str:
    """uuid5 of the parts joined with `|` (kind first: `natural_id("address", key)`)."""
    return str(uuid.uuid5(NATURAL_NAMESPACE, "|".join(str(p) for p in parts)))


def address_id(normalized_key: str) -> str:
    return natural_id("address", normalized_key)


def phone_id(number: str) -> str:
    """For a number in E.164, the Phone node's key."""
    return natural_id("phone", number)
