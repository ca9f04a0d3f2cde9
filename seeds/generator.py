"""The demo district generator: `generate_district(households=N, seed=S, anchor=instant)`.

Deterministic: the same N, seed and school year give the same rows and ids (one
`random.Random(seed)` stream, uuid5 ids from the seed). N households come from the regular
shapes (families, two homes, blended, grandparents, foster, ...), plus the five households of
planted rule breaks. Household dates are relative to the start of the anchor's school year
(July 1), so the district is current whenever it is built and the same all school year; the
staff story is dated relative to the anchor instant itself.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from seeds import names
from seeds.builder import Builder, Calendar
from seeds.district import District, Row
from seeds.families import Family, Pieces, Schools
from seeds.planted import PLANTED_HOUSEHOLDS, plant
from seeds.shapes import SHAPES
from seeds.staff import staff_story

DISTRICT_ZONE = ZoneInfo("America/Chicago")
MIN_HOUSEHOLDS, MAX_HOUSEHOLDS = 5, 1_000_000
CHUNK_HOUSEHOLDS = 5_000  # about 95,000 rows: what the loader holds at once


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def schools_for(households: int) -> int:
    """About one school per 1,200 households made so far (3 to 80)."""
    return max(3, min(80, round(households / 1200)))


def school_rows(total: int) -> list[Row]:
    """About `total` schools: 60% elementary, 20% middle, 20% high, each level's count
    rounded down (at least one). Each count only grows with `total`, so the schools open at
    any size are among those of every larger one (a remainder going to elementary would
    close one when a high school opens)."""
    counts = {"High": max(1, total // 5), "Middle": max(1, total // 5)}
    counts["Elementary"] = max(1, 3 * total // 5)
    rows: list[Row] = []
    pool = list(dict.fromkeys(names.SCHOOL_NAMES))
    for level, count in counts.items():
        for n in range(count):
            name = f"{pool[n % len(pool)]} {level}" + (
                f" {n // len(pool) + 1}" if n >= len(pool) else ""
            )
            rows.append({"id": _slug(name), "name": name, "level": level})
    return rows


def generate_district(*, households: int, seed: int, anchor: datetime) -> District:
    """N regular households (5..1,000,000) plus the planted ones, as of `anchor` (aware), as
    one District (what `iter_district` streams, gathered)."""
    whole: District | None = None
    for chunk in iter_district(households=households, seed=seed, anchor=anchor):
        if whole is None:
            whole = chunk
            continue
        for kind in whole.row_counts():
            getattr(whole, kind).extend(getattr(chunk, kind))
        whole.schools = chunk.schools
    assert whole is not None  # the stream always yields the planted households first
    return whole


def iter_district(
    *, households: int, seed: int, anchor: datetime, chunk_households: int = CHUNK_HOUSEHOLDS
) -> Iterator[District]:
    """The district in chunks of about `chunk_households` households, each holding only its
    own rows, so memory stays flat in N. The first chunk carries the staff story and the
    planted cases; every chunk lists the schools open so far (a row never refers to a school
    opened in a later chunk, nor to a person, household, address or phone of a later one)."""
    if not MIN_HOUSEHOLDS <= households <= MAX_HOUSEHOLDS:
        raise ValueError(f"households must be {MIN_HOUSEHOLDS}..{MAX_HOUSEHOLDS}, not {households}")
    if anchor.tzinfo is None:
        raise ValueError("anchor must be timezone-aware")
    rng = random.Random(seed)  # demo data, not secrets: reproducible on purpose
    district = District(seed=seed, households_asked=households)
    schools, total = Schools(), schools_for(0)
    schools.open_for(school_rows(total))
    builder = Builder(district, rng, Calendar.for_anchor(anchor.astimezone(DISTRICT_ZONE).date()))
    pieces = Pieces(builder, schools)
    # The story uses the schools every district opens with, so it is one story for every
    # size (the schools opened later are reference data without demo staff).
    district.staff = staff_story(anchor, _named(school_rows(total)), DISTRICT_ZONE)
    # The planted cases come first so their ids do not depend on N.
    plant(pieces)
    shapes = [shape for shape, _, _ in SHAPES]
    weights = [weight for _, weight, _ in SHAPES]
    target = households + PLANTED_HOUSEHOLDS
    taken = 0
    # Nothing below depends on N but this stop: a district is the first families of its
    # seed's endless stream, so N households are a prefix of N + M (the last family may add
    # up to two households more than asked).
    while builder.households_made < target:
        if schools_for(builder.households_made) != total:
            total = schools_for(builder.households_made)
            schools.open_for(school_rows(total))
        shape = rng.choices(shapes, weights)[0]
        builder.family_names.clear()
        shape(pieces, Family(zone=rng.randrange(1000)))
        if builder.households_made - taken >= chunk_households:
            taken = builder.households_made
            chunk = builder.take()
            chunk.schools = _named(school_rows(total))
            yield chunk
    chunk = builder.take()
    chunk.schools = _named(school_rows(total))
    yield chunk


def _named(rows: list[Row]) -> list[Row]:
    return [{"id": r["id"], "name": r["name"]} for r in rows]
