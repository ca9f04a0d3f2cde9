"""The importer's node ids: 0, 1, 2, ... as nodes are written, and an edge's ends found again by
key, from the recent chunks or from the older runs, with memory bounded by the runs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from graph_service.seeding.import_files import EDGES, NODES
from graph_service.seeding.import_numbers import ImportNumbers
from seeds.generator import iter_district

ANCHOR = datetime(2026, 9, 15, 15, 0, tzinfo=UTC)


def test_nodes_are_numbered_in_the_order_they_are_written_across_labels() -> None:
    numbers = ImportNumbers()
    assert [numbers.assign("Person", "p-1"), numbers.assign("Household", "h-1")] == [0, 1]
    assert numbers.keep("School", "s-1") == 2
    assert numbers.find("Person", "p-1") == 0
    assert numbers.find("Household", "h-1") == 1
    assert numbers.nodes == 3


def test_a_node_of_an_old_chunk_is_found_in_the_runs_and_each_label_is_apart() -> None:
    numbers = ImportNumbers(recent_chunks=2)
    numbers.new_chunk()
    school = numbers.keep("School", "lincoln")
    old = numbers.assign("Person", "same-key")
    other = numbers.assign("Household", "same-key")
    for chunk in range(5):  # the first chunk's nodes leave the recent ones
        numbers.new_chunk()
        numbers.assign("Person", f"p-{chunk}")
    assert numbers.find("Person", "same-key") == old
    assert numbers.find("Household", "same-key") == other
    assert numbers.find("Person", "same-key") == old  # from the cache the second time
    assert numbers.looked_up_in_runs == 2
    assert numbers.find("School", "lincoln") == school == 0
    assert numbers.find("Person", "p-4") == numbers.nodes - 1


def test_an_edge_naming_a_node_never_written_is_refused() -> None:
    numbers = ImportNumbers(recent_chunks=1)
    numbers.assign("Person", "p-1")
    numbers.new_chunk()
    numbers.new_chunk()
    with pytest.raises(ValueError, match="Person 'p-2', which no earlier row wrote"):
        numbers.find("Person", "p-2")


def test_every_edge_end_of_a_district_is_the_number_its_node_was_given() -> None:
    """Chunks of 200 households, two kept recent: most ends come from the recent chunks,
    the rest (caseworkers, homes vacated chunks ago) from the runs."""
    numbers = ImportNumbers(recent_chunks=2)
    given: dict[int, tuple[str, str]] = {}
    schools: set[str] = set()
    ends = 0
    for chunk in iter_district(households=3000, seed=2, anchor=ANCHOR, chunk_households=200):
        numbers.new_chunk()
        for school in chunk.schools:
            if school["id"] not in schools:
                schools.add(school["id"])
                given[numbers.keep("School", school["id"])] = ("School", school["id"])
        for kind, node in NODES.items():
            for row in getattr(chunk, kind):
                given[numbers.assign(node.label, row[node.key])] = (node.label, row[node.key])
        for kind, edge in EDGES.items():
            for row in getattr(chunk, kind):
                for field, label in (edge.start, edge.end):
                    assert given[numbers.find(label, row[field])] == (label, row[field])
                    ends += 1
    assert sorted(given) == list(range(numbers.nodes))  # dense: no record left unused
    assert ends > 10_000
    assert numbers.looked_up_in_runs > 0
