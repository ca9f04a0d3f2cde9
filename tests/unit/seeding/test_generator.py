"""The generator without a database: deterministic, scaled by N, valid by the domain's own
rules, and breaking census rules only where it says it planted a break."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from functools import cache

import pytest

from graph_service.domain.addresses import AddressInput
from graph_service.domain.people import PersonFields, name_key
from graph_service.domain.phones import normalize_phone
from graph_service.domain.relationship_types import default_catalogue
from graph_service.seeding.natural_ids import address_id, phone_id
from seeds.builder import OUTSKIRTS, Builder, Calendar, age_on
from seeds.district import District
from seeds.families import Schools
from seeds.generator import generate_district, iter_district, school_rows, schools_for
from seeds.planted import PLANTED_HOUSEHOLDS
from seeds.seen import Seen

ANCHOR = datetime(2027, 6, 8, 15, 0, tzinfo=UTC)
AS_OF = date(2027, 6, 8)


@cache
def district(households: int = 400, seed: int = 3) -> District:
    return generate_district(households=households, seed=seed, anchor=ANCHOR)


def _current(row: dict[str, object]) -> bool:
    start, end = row["startDate"], row["endDate"]
    assert start is None or isinstance(start, date)
    assert end is None or isinstance(end, date)
    return (start is not None and start <= AS_OF) and (end is None or end >= AS_OF)


def test_the_same_seed_gives_the_same_district_and_another_seed_another() -> None:
    again = generate_district(households=400, seed=3, anchor=ANCHOR)
    assert again.people == district().people
    assert again.relationships == district().relationships
    assert again.planted == district().planted
    other = generate_district(households=400, seed=4, anchor=ANCHOR)
    assert {p["id"] for p in other.people}.isdisjoint({p["id"] for p in district().people})


def test_any_anchor_in_one_school_year_gives_the_same_household_rows() -> None:
    """So a rerun on another day merges onto what the first load made."""
    july = generate_district(households=60, seed=5, anchor=datetime(2026, 7, 2, 15, tzinfo=UTC))
    june = generate_district(households=60, seed=5, anchor=datetime(2027, 6, 29, 15, tzinfo=UTC))
    assert july.memberships == june.memberships
    assert july.enrolments == june.enrolments
    assert july.staff != june.staff  # the staff story is dated from the anchor itself
    later = generate_district(households=60, seed=5, anchor=datetime(2027, 7, 2, 15, tzinfo=UTC))
    assert later.enrolments != july.enrolments


@pytest.mark.parametrize("households", [5, 37, 400, 1000])
def test_n_regular_households_plus_the_planted_ones(households: int) -> None:
    """The last family is never cut short, so it may add up to two households more."""
    made = generate_district(households=households, seed=1, anchor=ANCHOR)
    assert households <= len(made.households) - PLANTED_HOUSEHOLDS <= households + 2


def test_a_smaller_district_is_a_prefix_of_a_larger_one() -> None:
    """What lets any size load over any other: the same rows under the same ids."""
    small = generate_district(households=60, seed=1, anchor=ANCHOR)
    large = generate_district(households=200, seed=1, anchor=ANCHOR)
    for kind in small.row_counts():
        rows = getattr(small, kind)
        assert getattr(large, kind)[: len(rows)] == rows, kind
    assert small.planted == large.planted
    assert small.schools == large.schools


def test_addresses_and_phones_take_ids_from_their_keys() -> None:
    d = district()
    assert {a["id"] for a in d.addresses} == {address_id(a["normalizedKey"]) for a in d.addresses}
    assert {p["id"] for p in d.phones} == {phone_id(p["number"]) for p in d.phones}


def test_schools_open_as_the_district_grows_and_take_the_next_families() -> None:
    """Opening more schools never renames or drops one; a new school takes families first."""
    for total in range(3, 80):
        assert {r["id"] for r in school_rows(total)} <= {r["id"] for r in school_rows(total + 1)}
    schools = Schools()
    schools.open_for(school_rows(3))
    assert [schools.pick("Elementary") for _ in range(3)] == ["lincoln-elementary"] * 3
    schools.open_for(school_rows(4))
    assert [schools.pick("Elementary") for _ in range(4)] == ["douglas-elementary"] * 3 + [
        "lincoln-elementary"
    ]
    assert (schools_for(0), schools_for(4200), schools_for(1_000_000)) == (3, 4, 80)


def test_sizes_outside_5_to_100000_are_refused() -> None:
    with pytest.raises(ValueError, match="households must be"):
        generate_district(households=4, seed=1, anchor=ANCHOR)


def test_ids_are_unique_across_every_kind() -> None:
    d = district()
    ids = [row["id"] for kind in d.row_counts() if kind != "created_at" for row in getattr(d, kind)]
    assert len(ids) == len(set(ids))


def test_edges_are_unique_by_their_ends_and_start_day() -> None:
    """The loader merges these edges on (ends, start day); two alike would become one."""
    d = district()
    for kind, ends in (
        ("memberships", ("personId", "householdId")),
        ("locations", ("householdId", "addressKey")),
        ("household_phones", ("ownerId", "number")),
        ("person_phones", ("ownerId", "number")),
        ("enrolments", ("personId", "schoolId")),
    ):
        keys = [(*(row[e] for e in ends), row["startDate"]) for row in getattr(d, kind)]
        assert len(keys) == len(set(keys)), kind
    pairs = [(r["fromId"], r["toId"], r["type"], r["startDate"]) for r in d.relationships]
    assert len(pairs) == len(set(pairs))


def test_people_addresses_and_phones_pass_the_domain_validation() -> None:
    d = district()
    for person in d.people[:300]:
        fields = {k: v for k, v in person.items() if k not in {"id", "firstNameKey", "lastNameKey"}}
        checked = PersonFields.model_validate(fields, context={"today": AS_OF})
        assert person["firstNameKey"] == name_key(checked.first_name)
    for address in d.addresses[:300]:
        place = {k: v for k, v in address.items() if k not in {"id", "normalizedKey", "streetKey"}}
        assert AddressInput.model_validate(place).normalized_key() == address["normalizedKey"]
    for phone in d.phones[:300]:
        assert normalize_phone(phone["number"]) == phone["number"]
    assert len({a["normalizedKey"] for a in d.addresses}) == len(d.addresses)
    catalogue = default_catalogue()
    assert all(catalogue.require(r["type"]) for r in d.relationships)


def test_the_district_has_every_shape_the_steward_tools_explore() -> None:
    d = district()
    types = Counter(r["type"] for r in d.relationships)
    assert {"Stepparent", "Step Sibling", "Grandparent", "Caseworker", "Foster Parent"} <= set(
        types
    )
    assert any(m["secondary"] for m in d.memberships)  # two-home students
    assert any(loc["endDate"] is not None for loc in d.locations)  # people who moved
    shared_places = Counter(loc["addressKey"] for loc in d.locations)
    assert any(count > 1 for count in shared_places.values())
    assert any(a["apartment"] for a in d.addresses)
    numbers = Counter(link["number"] for link in d.household_phones + d.person_phones)
    assert any(count > 1 for count in numbers.values())
    assert d.created_at
    assert any(r["emergencyPriority"] == 3 for r in d.relationships)


def test_census_rules_break_only_where_planted() -> None:
    d = district()
    planted = d.planted
    born = {p["id"]: p["birthDate"] for p in d.people}
    students = {e["personId"] for e in d.enrolments if _current(e)}
    guardians: dict[str, set[str]] = defaultdict(set)
    for r in d.relationships:
        if r["guardian"] and _current(r):
            guardians[r["toId"]].add(r["fromId"])
    assert sorted(s for s in students if not guardians[s]) == planted.student_without_guardian
    assert sorted(s for s in students if len(guardians[s]) > 2) == planted.more_than_two_guardians
    of_students = {g for s in students for g in guardians[s]}
    assert (
        sorted(g for g in of_students if age_on(born[g], AS_OF) < 18) == planted.guardian_under_18
    )
    homes: dict[str, set[str]] = defaultdict(set)
    primary: dict[str, set[str]] = defaultdict(set)
    for m in d.memberships:
        if _current(m):
            homes[m["personId"]].add(m["householdId"])
            if not m["secondary"]:
                primary[m["personId"]].add(m["householdId"])
    assert sorted(p for p, h in primary.items() if len(h) > 1) == (
        planted.two_current_primary_memberships
    )
    assert sorted(g for g in of_students if len(homes[g]) > 1) == (
        planted.guardian_in_more_than_one_household
    )
    occupied = {h for hs in homes.values() for h in hs}
    located = {loc["householdId"] for loc in d.locations if loc["physical"] and _current(loc)}
    assert sorted(occupied - located) == planted.household_without_physical_address
    assert [r["id"] for r in d.relationships if r["startDate"] is None] == (
        planted.relationship_without_start_date
    )


def test_duplicate_people_are_exactly_the_planted_pairs() -> None:
    d = district()
    by_identity: dict[tuple[str, str, date], list[str]] = defaultdict(list)
    for p in d.people:
        by_identity[(p["firstNameKey"], p["lastNameKey"], p["birthDate"])].append(p["id"])
    pairs = sorted(tuple(ids) for ids in by_identity.values() if len(ids) > 1)
    assert pairs == sorted(d.planted.duplicate_people)


def test_staff_story_covers_every_access_state_with_tens_of_staff() -> None:
    big = generate_district(households=100_000 // 50, seed=1, anchor=ANCHOR)
    assert big.staff is not None
    states = set(big.staff.by_state)
    assert states >= {"active", "pending", "quiz_due", "expired", "revoked", "departed"}
    hired = {e.employee_id for step in big.staff.steps for e in step.events if e.type == "hired"}
    assert 10 <= len(hired) < 100
    instants = [step.at for step in big.staff.steps]
    assert instants == sorted(instants)
    assert instants[-1] < ANCHOR


def test_chunks_refer_only_to_what_they_or_earlier_chunks_made() -> None:
    """What lets the loader write each chunk before the next is generated."""
    people: set[str] = set()
    households: set[str] = set()
    places: set[str] = set()
    numbers: set[str] = set()
    whole: dict[str, list[object]] = {kind: [] for kind in district().row_counts()}
    chunks = list(iter_district(households=400, seed=3, anchor=ANCHOR, chunk_households=60))
    assert len(chunks) > 5
    for chunk in chunks:
        people |= {p["id"] for p in chunk.people}
        households |= {h["id"] for h in chunk.households}
        places |= {a["normalizedKey"] for a in chunk.addresses}
        numbers |= {p["number"] for p in chunk.phones}
        schools = {s["id"] for s in chunk.schools}
        for m in chunk.memberships:
            assert m["personId"] in people
            assert m["householdId"] in households
        assert {loc["addressKey"] for loc in chunk.locations} <= places
        for link in chunk.household_phones + chunk.person_phones:
            assert link["ownerId"] in people | households
            assert link["number"] in numbers
        for r in chunk.relationships:
            assert r["fromId"] in people
            assert r["toId"] in people
        assert {e["schoolId"] for e in chunk.enrolments + chunk.created_at} <= schools
        for kind, rows in whole.items():
            rows.extend(getattr(chunk, kind))
    assert all(whole[kind] == getattr(district(), kind) for kind in whole)


def test_when_every_regular_house_is_taken_new_homes_go_to_the_outskirts() -> None:
    """The streets hold ~495,000 house numbers; a million households need more (the draw
    used to loop for ever near 700,000)."""

    class RegularHousesTaken(Seen):
        """What ~700,000 households leave: every street's numbers 100-9998 in use."""

        def __contains__(self, key: str) -> bool:
            if key.startswith("house|") and int(key.rsplit("|", 1)[1]) < OUTSKIRTS[0]:
                return True
            return super().__contains__(key)

    calendar = Calendar(date(2026, 7, 1))
    builder = Builder(District(seed=3, households_asked=5), random.Random(3), calendar)
    builder._seen = RegularHousesTaken()
    keys = [builder.address() for _ in range(3)]
    numbers = [int(key.split("|")[0]) for key in keys]
    assert all(OUTSKIRTS[0] <= number < OUTSKIRTS[1] for number in numbers)
    assert builder.outskirts
    assert len(set(keys)) == 3
