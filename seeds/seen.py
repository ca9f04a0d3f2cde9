"""Which keys a district has used, in a fixed 16 MiB whatever its size: a Bloom filter.

The generator keeps names and birth dates, address keys, house numbers and phone numbers
unique. Sets of them grew with the district (about a third of the generator's memory at
100,000 households); this does not. A false positive only makes the generator draw again
(another birth date, house or number), which is as deterministic as the rest of the stream,
so a district is still a prefix of every larger one. There are no false negatives: nothing
is ever used twice.
"""

from __future__ import annotations

import hashlib
from hashlib import blake2b

BITS = 1 << 27  # 16 MiB; at a million households (~7 million keys) 1 in 1,000 draws again
HASHES = 4  # what `positions` lists


MASK = BITS - 1
_LOW = (1 << 64) - 1


def positions(key: str) -> tuple[int, int, int, int]:
    """The key's HASHES bits: double hashing on a 128-bit blake2b (first + i * step)."""
    digest = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=16).digest(), "little")
    first = digest & _LOW
    step = (digest >> 64) | 1
    return first & MASK, (first + step) & MASK, (first + 2 * step) & MASK, (first + 3 * step) & MASK


class Seen:
    def __init__(self) -> None:
        self._bits = bytearray(BITS // 8)

    def __contains__(self, key: str) -> bool:
        bits = self._bits
        return all(bits[p >> 3] & (1 << (p & 7)) for p in positions(key))

    def add(self, key: str) -> None:
        for p in positions(key):
            self._bits[p >> 3] |= 1 << (p & 7)

    def add_new(self, key: str) -> bool:
        """Add `key` and say whether it was new (`key not in self`, then `add`, in one hash)."""
        bits = self._bits
        new = False
        digest = int.from_bytes(blake2b(key.encode(), digest_size=16).digest(), "little")
        p, step = digest & _LOW, (digest >> 64) | 1
        for _ in range(HASHES):
            byte, bit = (p & MASK) >> 3, 1 << (p & 7)
            if not bits[byte] & bit:
                new = True
                bits[byte] |= bit
            p += step
        return new
