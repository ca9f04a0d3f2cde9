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
from datetime import datetime
from zoneinfo import ZoneInfo

from seeds import names
from seeds.builder import Builder, Calendar
from seeds.district import District, Row
from seeds.families import Family, Pieces, Schools
from seeds.planted import PLANTED_HOUSEHOLDS, plant
from seeds.shapes import SHAPES, single_adult
from seeds.staff import staff_story

DISTRICT_ZONE = ZoneInfo("America/Chicago")
MIN_HOUSEHOLDS, MAX_HOUSEHOLDS = 5, 100_000


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_schools(households: int) -> tuple[list[Row], Schools]:
    """About one school per 1,200 households (3 to 80): 60% elementary, 20% middle, 20% high."""
    total = max(3, min(80, round(households / 1200)))
    counts = {"High": max(1, total // 5), "Middle": max(1, total // 5)}
    counts["Elementary"] = total - counts["High"] - counts["Middle"]
    rows: list[Row] = []
    levels: dict[str, list[str]] = {}
    pool = list(dict.fromkeys(names.SCHOOL_NAMES))
    for level, count in counts.items():
        for n in range(count):
            name = f"{pool[n % len(pool)]} {level}" + (
                f" {n // len(pool) + 1}" if n >= len(pool) else ""
            )
            rows.append({"id": _slug(name), "name": name})
            levels.setdefault(level, []).append(_slug(name))
    schools = Schools(levels["Elementary"], levels["Middle"], levels["High"])
    return rows, schools


def generate_district(*, households: int, seed: int, anchor: datetime) -> District:
    """N regular households (5..100,000) plus the planted ones, as of `anchor` (aware)."""
    if not MIN_HOUSEHOLDS <= households <= MAX_HOUSEHOLDS:
        raise ValueError(f"households must be {MIN_HOUSEHOLDS}..{MAX_HOUSEHOLDS}, not {households}")
    if anchor.tzinfo is None:
        raise ValueError("anchor must be timezone-aware")
    rng = random.Random(seed)  # demo data, not secrets: reproducible on purpose
    district = District(seed=seed, households_asked=households)
    district.schools, schools = make_schools(households)
    builder = Builder(district, rng, Calendar.for_anchor(anchor.astimezone(DISTRICT_ZONE).date()))
    pieces = Pieces(builder, schools)
    # The planted cases come first so their ids do not depend on N.
    plant(pieces)
    shapes = [shape for shape, _, _ in SHAPES]
    weights = [weight for _, weight, _ in SHAPES]
    most = {shape: size for shape, _, size in SHAPES}
    target = households + PLANTED_HOUSEHOLDS
    while len(district.households) < target:
        left = target - len(district.households)
        shape = rng.choices(shapes, weights)[0]
        if most[shape] > left:
            shape = single_adult
        builder.family_names.clear()
        shape(pieces, Family(zone=rng.randrange(1000)))
    district.staff = staff_story(anchor, district.schools, DISTRICT_ZONE)
    return district
