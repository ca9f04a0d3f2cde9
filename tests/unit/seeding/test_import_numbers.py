"""The importer's integer ids: one per node within its label, from the key alone, edges naming
their ends by the same number, never two nodes of a label on one number."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

from graph_service.seeding.import_files import EDGES, NODES
from graph_service.seeding.import_numbers import ImportNumbers, hash_number
from seeds.generator import iter_district

ANCHOR = datetime(2026, 9, 15, 15, 0, tzinfo=UTC)
IMPORTER_LIMIT = 1 << 56  # neo4j-admin: "Invalid integer ID ..., it must be 0 <= id <= 2^56-1"
MARK_BITS = 27


def _two_keys_on_one_mark() -> tuple[str, str]:
    """Two keys whose hashes differ but whose bitmap marks are the same: the bitmap cannot
    tell them from a shared hash, so the second takes the path a real collision takes."""
    seen: dict[int, str] = {}
    for n in count():
        key = f"person/{n}"
        mark = hash_number(key) & ((1 << MARK_BITS) - 1)
        if mark in seen:
            return seen[mark], key
        seen[mark] = key
    raise AssertionError("unreachable")


def test_a_node_is_found_by_the_number_it_was_given() -> None:
    numbers = ImportNumbers()
    given = numbers.assign("Person", "p-1")
    numbers.new_chunk()
    assert numbers.find("Person", "p-1") == given == hash_number("p-1")
    assert 0 <= given < IMPORTER_LIMIT // 2


def test_a_taken_mark_moves_the_node_to_the_upper_half_and_edges_follow_it() -> None:
    first, second = _two_keys_on_one_mark()
    assert hash_number(first) != hash_number(second)
    numbers = ImportNumbers()
    kept = numbers.assign("Person", first)
    moved = numbers.assign("Person", second)
    numbers.new_chunk()  # later chunks' edges find them too
    assert kept == hash_number(first)
    assert IMPORTER_LIMIT // 2 <= moved < IMPORTER_LIMIT
    assert numbers.find("Person", second) == moved
    assert numbers.find("Person", first) == kept
    assert numbers.moved == 1
    # Each label is its own id space: the same key elsewhere keeps its hash.
    assert numbers.assign("Household", second) == hash_number(second)
    assert numbers.find("Household", second) == hash_number(second)


def test_a_district_gets_one_number_per_node_and_every_edge_end_is_one_of_them() -> None:
    numbers = ImportNumbers()
    given: dict[str, dict[int, str]] = {}
    ends = 0
    for chunk in iter_district(households=3000, seed=2, anchor=ANCHOR, chunk_households=400):
        numbers.new_chunk()
        schools = given.setdefault("School", {})
        for school in chunk.schools:
            if school["id"] not in schools.values():
                schools[numbers.assign("School", school["id"])] = school["id"]
        for kind, node in NODES.items():
            for row in getattr(chunk, kind):
                number = numbers.assign(node.label, row[node.key])
                assert number not in given.setdefault(node.label, {}), "two nodes on one number"
                given[node.label][number] = row[node.key]
        for kind, edge in EDGES.items():
            for row in getattr(chunk, kind):
                for field, label in (edge.start, edge.end):
                    assert given[label][numbers.find(label, row[field])] == row[field]
                    ends += 1
    assert ends > 10_000
    assert all(0 <= number < IMPORTER_LIMIT for label in given.values() for number in label)
