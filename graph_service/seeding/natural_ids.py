"""Ids derived from a record's natural key, so the same place or number gets the same id
whichever load (demo seed, CSV import) writes it first: a later load merges onto it instead
of meeting a uniqueness constraint with a second id."""

from __future__ import annotations

import hashlib
import uuid

# The CSV import's namespace, kept so ids it already wrote stay what they were.
NATURAL_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "graph-service/csv-import")


_NAMESPACE_BYTES = NATURAL_NAMESPACE.bytes


def natural_id(*parts: object) -> str:
    """uuid5 of the parts joined with `|` (kind first: `natural_id("address", key)`).

    Equal to `str(uuid.uuid5(NATURAL_NAMESPACE, "|".join(...)))`, a few times faster: a large
    district asks for millions (the same arithmetic as `seeds.district.Ids.new`)."""
    name = "|".join(str(p) for p in parts).encode()
    raw = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name, usedforsecurity=False).digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def address_id(normalized_key: str) -> str:
    return natural_id("address", normalized_key)


def phone_id(number: str) -> str:
    """For a number in E.164, the Phone node's key."""
    return natural_id("phone", number)
