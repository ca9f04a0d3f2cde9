"""The demo district on the real Neo4j: idempotent loads, staff in every access state decided
by the engine, and household data the services read, search and authorize like their own."""

from __future__ import annotations

import hashlib

import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import Right
from graph_service.clock import FixedClock
from graph_service.seeding.bulk import count_graph, graph_ids
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.services import household_reads, people
from graph_service.services.access_decision import decide, load_caller
from graph_service.services.access_status import get_access_status
from graph_service.services.context import UseCaseContext
from graph_service.services.people import PossibleDuplicates
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings
from graph_service.testing.use_cases import submit
from seeds.generator import generate_district
from tests.compiled_reads import district_reader, search
from tests.integration.seeding.conftest import ANCHOR, SMALL


def _checksum(ids: tuple[list[str], list[str]]) -> str:
    return hashlib.sha256("\n".join([*ids[0], "--", *ids[1]]).encode()).hexdigest()


async def test_loading_the_same_seed_twice_gives_the_same_graph(
    db: AsyncDriver, settings: Settings, demo: DemoSummary, clock: FixedClock
) -> None:
    database = settings.neo4j_database
    first = (await count_graph(db, database), _checksum(await graph_ids(db, database)))
    again = await load_demo_district(db, database, households=SMALL, seed=11, clock=clock)
    second = (await count_graph(db, database), _checksum(await graph_ids(db, database)))
    assert demo.staff_story_applied
    assert not again.staff_story_applied
    assert second == first
    assert first[0].nodes["Household"] == SMALL + 5


async def test_every_generated_row_is_in_the_graph(
    db: AsyncDriver, settings: Settings, demo: DemoSummary
) -> None:
    counts = demo.counts
    assert counts.nodes["Person"] == demo.rows["people"]
    assert counts.nodes["Household"] == demo.rows["households"]
    assert counts.nodes["Address"] == demo.rows["addresses"]
    assert counts.nodes["Phone"] == demo.rows["phones"]
    assert counts.relationships["MEMBER_OF"] == demo.rows["memberships"]
    assert counts.relationships["LOCATED_AT"] == demo.rows["locations"]
    assert counts.relationships["HAS_PHONE"] == (
        demo.rows["household_phones"] + demo.rows["person_phones"]
    )
    assert counts.relationships["RELATED_TO"] == demo.rows["relationships"]
    assert counts.relationships["ENROLLED_AT"] == demo.rows["enrolments"]
    assert counts.nodes["School"] == len(demo.school_ids)


@pytest.mark.parametrize(
    ("state", "status"),
    [
        ("active", "active"),
        ("active_teacher", "active"),
        ("district", "active"),
        ("steward", "active"),
        ("quiz_due", "active"),
        ("pending", "pending"),
        ("expired", "expired"),
        ("revoked", "revoked"),
        ("departed", "revoked"),
        ("no_grant", "none"),
    ],
)
async def test_demo_staff_are_in_their_access_states(
    demo: DemoSummary, runtime: Runtime, state: str, status: str
) -> None:
    found = await get_access_status(runtime, demo.staff_by_state[state])
    assert found.status == status
    if state == "quiz_due":
        assert found.quiz_due is not None
        assert found.quiz_due.year == ANCHOR.year
    if state == "steward":
        assert [right.value for right in found.rights] == ["R"]


async def test_household_reads_show_the_generated_family(
    demo: DemoSummary, ctx: UseCaseContext
) -> None:
    district = generate_district(households=SMALL, seed=11, anchor=ANCHOR)
    planted_child = demo.planted.more_than_two_guardians[0]
    person = await household_reads.get_person(ctx, planted_child)
    assert len(person.guardians) == 3
    assert [c.relationship.emergency_priority for c in person.emergency_contacts] == [1, 2, 3]
    assert person.enrolments
    membership = next(m for m in district.memberships if m["personId"] == planted_child)
    household = await household_reads.get_household(ctx, membership["householdId"])
    assert {m.person.id for m in household.members} >= {planted_child}
    assert household.locations
    assert household.phones


async def test_searches_find_generated_households_by_name_address_and_phone(
    demo: DemoSummary, ctx: UseCaseContext
) -> None:
    district = generate_district(households=SMALL, seed=11, anchor=ANCHOR)
    read = await district_reader(ctx)
    by_name = await search(read, "name_prefix", "Rivera")
    assert any(h["name"] == "Rivera" for h in by_name.nodes)
    location = district.locations[-1]
    address = next(a for a in district.addresses if a["normalizedKey"] == location["addressKey"])
    by_address = await search(read, "address_prefix", address["streetKey"], first=100)
    assert location["householdId"] in {h["id"] for h in by_address.nodes}
    link = district.household_phones[0]
    by_phone = await search(read, "phone", link["number"])
    assert link["ownerId"] in {h["id"] for h in by_phone.nodes}


async def test_the_duplicate_check_sees_generated_people(
    demo: DemoSummary, ctx: UseCaseContext
) -> None:
    with pytest.raises(PossibleDuplicates):
        await submit(
            people.create_person,
            ctx,
            {"first_name": "ZOE", "last_name": "o'neil", "birth_date": _born(demo, 0)},
        )


def _born(demo: DemoSummary, pair: int) -> str:
    district = generate_district(households=SMALL, seed=11, anchor=ANCHOR)
    original = demo.planted.duplicate_people[pair][0]
    return str(next(p["birthDate"] for p in district.people if p["id"] == original))


async def test_school_staff_see_households_of_their_students_only(
    demo: DemoSummary, runtime: Runtime
) -> None:
    district = generate_district(households=SMALL, seed=11, anchor=ANCHOR)
    home = demo.school_ids[0]
    at_home = {e["personId"] for e in district.enrolments if e["schoolId"] == home}
    households = {m["householdId"] for m in district.memberships if m["personId"] in at_home}
    others = {h["id"] for h in district.households} - households
    caller = await load_caller(runtime, demo.staff_by_state["active"])
    decision = await decide(runtime, caller, Right.READ, sorted(households | others))
    assert set(decision.allowed_ids) >= households
    district_wide = await load_caller(runtime, demo.staff_by_state["district"])
    everything = await decide(runtime, district_wide, Right.READ, sorted(households | others))
    assert everything.allowed
