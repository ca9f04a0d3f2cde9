"""The node ids `neo4j-admin database import --id-type=actual` writes nodes under, for the bulk
path's CSV files: 0, 1, 2, ... in the order the nodes are written, every label in one space.

Given its nodes' own record ids the importer keeps no id map at all: at a million households
its time went from 151 s (string ids) to 105 s, where integer ids made from each key's hash
gave no gain (156 s: lookups all over a map of 6.9 million random longs) and ordinals per
label 120 s (docs/loading.md). So the files must name an edge's ends by the number their
node was given, and the number of a key is remembered here, in two tiers so memory stays flat
(a dict of 6.9 million keys would take ~1 GB):

- the nodes of the last RECENT_CHUNKS chunks, by key: nearly every edge names a node of its
  own chunk or one just before (a family and the families it draws on);
- older nodes by a 64-bit hash of their key, in one sorted run per chunk (16 bytes a node,
  110 MB at a million households), searched newest first, the few keys found there kept in
  a small cache (caseworkers, vacated homes named again and again).

An edge naming a node no chunk wrote is refused. Two keys of one label would have to share
64 bits of BLAKE2b and the older one be looked up through the runs for an edge to meet the
wrong node: at a million households about 4 in 10^9.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import deque
from hashlib import blake2b

RECENT_CHUNKS = 8
_FOUND_LIMIT = 100_000  # keys found in the runs, kept; cleared when it grows past this


def key_hash(key: str) -> int:
    """64 bits of the key's BLAKE2b hash, signed (what array('q') holds)."""
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest(), signed=True)


class _Run:
    """One chunk's nodes of one label, sorted by key hash."""

    __slots__ = ("hashes", "numbers")

    def __init__(self, numbers_by_key: dict[str, int]) -> None:
        pairs = sorted((key_hash(key), number) for key, number in numbers_by_key.items())
        self.hashes = array("q", [h for h, _ in pairs])
        self.numbers = array("q", [n for _, n in pairs])

    def find(self, hashed: int) -> int | None:
        at = bisect_left(self.hashes, hashed)
        if at < len(self.hashes) and self.hashes[at] == hashed:
            return self.numbers[at]
        return None


class ImportNumbers:
    """`assign` a node its number as it is written; `find` it again for an edge."""

    def __init__(self, recent_chunks: int = RECENT_CHUNKS) -> None:
        self._next = 0
        self._recent: deque[dict[str, dict[str, int]]] = deque()  # newest first; label -> key
        self._recent_chunks = recent_chunks
        self._runs: dict[str, list[_Run]] = {}
        self._found: dict[tuple[str, str], int] = {}
        self._kept: dict[tuple[str, str], int] = {}
        self.looked_up_in_runs = 0

    @property
    def nodes(self) -> int:
        return self._next

    def new_chunk(self) -> None:
        """Nodes assigned from now on belong to a new chunk; the oldest recent one moves to
        the runs."""
        self._recent.appendleft({})
        if len(self._recent) > self._recent_chunks:
            for label, numbers in self._recent.pop().items():
                self._runs.setdefault(label, []).append(_Run(numbers))

    def assign(self, label: str, key: str) -> int:
        """The number of a node written now (each node once)."""
        if not self._recent:
            self.new_chunk()
        number = self._take()
        self._recent[0].setdefault(label, {})[key] = number
        return number

    def keep(self, label: str, key: str) -> int:
        """The number of one of the few nodes every chunk names (schools), given at its first
        mention and held for good: the same number at every later one."""
        number = self._kept.get((label, key))
        if number is None:
            number = self._kept[(label, key)] = self._take()
        return number

    def _take(self) -> int:
        number = self._next
        self._next += 1
        return number

    def find(self, label: str, key: str) -> int:
        """The number of a node already assigned, named by an edge."""
        for chunk in self._recent:
            numbers = chunk.get(label)
            if numbers is not None:
                number = numbers.get(key)
                if number is not None:
                    return number
        return self._find_older(label, key)

    def _find_older(self, label: str, key: str) -> int:
        for known in (self._kept, self._found):
            number = known.get((label, key))
            if number is not None:
                return number
        self.looked_up_in_runs += 1
        hashed = key_hash(key)
        for run in reversed(self._runs.get(label, ())):
            number = run.find(hashed)
            if number is not None:
                if len(self._found) >= _FOUND_LIMIT:
                    self._found.clear()
                self._found[(label, key)] = number
                return number
        raise ValueError(f"an edge names {label} {key!r}, which no earlier row wrote")
