"""The integer ids `neo4j-admin database import` finds nodes by, for the bulk path's CSV files.

With integer ids instead of string ones the importer maps longs, which took its time for a
million households from 151 s to 120 s (docs/loading.md). Edges name their ends by key, so
the number must come from the key alone: a table of every node written would hold 6.9
million keys at a million households (~1 GB). A number is the key's BLAKE2b hash cut to 55
bits; the importer takes at most 56 (0 <= id < 2^56). At 2.8 million people two keys of one
label would share a hash with odds of about 1 in 10,000, so sharing is made impossible rather
than unlikely: a bitmap per label marks the hashes taken (by their low bits, so it may also
mark one that is free), and a node whose mark is already set gets the next number of the
upper half, [2^55, 2^56), which no hash reaches, remembered by key for the edges that name
it later. At a million households about 2% of the people move there (~60,000 keys kept).

`assign` must see a node before any `find` of its key (the generator writes every node before
the edges that name it: `tests/unit/seeding/test_generator.py` checks that chunks name only
what they or earlier chunks made); the number itself is not stored in the graph.
"""

from __future__ import annotations

from hashlib import blake2b

_HASH_BITS = 55
_HASH_MASK = (1 << _HASH_BITS) - 1
_FIRST_MOVED = 1 << _HASH_BITS  # the upper half of the importer's 56 bits
_MAP_BITS = 27  # 2^27 bits (16 MiB) a label: ~2% marked at 2.8 million nodes
_MAP_MASK = (1 << _MAP_BITS) - 1


def hash_number(key: str) -> int:
    """55 bits of the key's BLAKE2b hash."""
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest()) & _HASH_MASK


class ImportNumbers:
    """Numbers for node keys, one id space per label, never two nodes of a label on one."""

    def __init__(self) -> None:
        self._taken: dict[str, bytearray] = {}
        self._moved: dict[str, dict[str, int]] = {}
        self._next_moved = _FIRST_MOVED
        self._hashes: dict[str, int] = {}  # the current chunk's: its keys come back in its edges

    def new_chunk(self) -> None:
        """Forget the hashes remembered for the last chunk (memory stays flat)."""
        self._hashes.clear()

    def _hash(self, key: str) -> int:
        number = self._hashes.get(key)
        if number is None:
            number = self._hashes[key] = hash_number(key)
        return number

    def assign(self, label: str, key: str) -> int:
        """The number of a node written now (each node once)."""
        number = self._hash(key)
        taken = self._taken.get(label)
        if taken is None:
            taken = self._taken[label] = bytearray(1 << (_MAP_BITS - 3))
        mark = number & _MAP_MASK
        byte, bit = mark >> 3, 1 << (mark & 7)
        if not taken[byte] & bit:
            taken[byte] |= bit
            return number
        if self._next_moved >> (_HASH_BITS + 1):
            raise ValueError("more nodes moved off their hash than the importer's ids can hold")
        number = self._moved.setdefault(label, {})[key] = self._next_moved
        self._next_moved += 1
        return number

    def find(self, label: str, key: str) -> int:
        """The number of a node already assigned, named by an edge."""
        moved = self._moved.get(label)
        if moved:
            number = moved.get(key)
            if number is not None:
                return number
        return self._hash(key)

    @property
    def moved(self) -> int:
        """How many nodes were given a number of the upper half."""
        return self._next_moved - _FIRST_MOVED
