"""The generator's own process hands over exactly the stream `iter_district` makes here."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from graph_service.seeding.background_generator import BackgroundGenerator, GeneratorFailed
from seeds.generator import iter_district

ANCHOR = datetime(2026, 9, 15, 15, 0, tzinfo=UTC)


def test_the_chunks_are_those_iter_district_makes_in_this_process() -> None:
    here = list(iter_district(households=300, seed=4, anchor=ANCHOR, chunk_households=70))
    with BackgroundGenerator(
        households=300, seed=4, anchor=ANCHOR, chunk_households=70
    ) as generator:
        there = list(generator)
    assert len(there) == len(here) > 3
    for mine, theirs in zip(here, there, strict=True):
        assert theirs.row_counts() == mine.row_counts()
        assert all(getattr(theirs, kind) == getattr(mine, kind) for kind in mine.row_counts())
        assert theirs.schools == mine.schools
    assert there[0].staff == here[0].staff
    assert there[0].planted == here[0].planted
    assert generator.peak_rss_kib > 0


def test_a_failure_in_the_generator_is_raised_here_with_its_reason() -> None:
    with (
        pytest.raises(GeneratorFailed, match=r"households must be 5\.\.1000000, not 3"),
        BackgroundGenerator(households=3, seed=4, anchor=ANCHOR, chunk_households=70) as chunks,
    ):
        list(chunks)


def test_leaving_early_ends_the_generator() -> None:
    with BackgroundGenerator(
        households=2000, seed=4, anchor=ANCHOR, chunk_households=50
    ) as generator:
        next(iter(generator))
    assert not generator._process.is_alive()  # what leaving early must leave
