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

BITS = 1 << 27  # 16 MiB; at a million households (~7 million keys) 1 in 1,000 draws again
HASHES = 4


class Seen:
    def __init__(self) -> None:
        self._bits = bytearray(BITS // 8)

    @staticmethod
    def _positions(key: str) -> list[int]:
        digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
        first = int.from_bytes(digest[:8], "little")
        step = int.from_bytes(digest[8:], "little") | 1
        return [(first + i * step) & (BITS - 1) for i in range(HASHES)]

    def __contains__(self, key: str) -> bool:
        bits = self._bits
        return all(bits[p >> 3] & (1 << (p & 7)) for p in self._positions(key))

    def add(self, key: str) -> None:
        for p in self._positions(key):
            self._bits[p >> 3] |= 1 << (p & 7)
