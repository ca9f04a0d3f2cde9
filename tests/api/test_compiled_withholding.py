"""The compiled statements withhold exactly what the access decision withholds.

For each kind of caller, every household and person of the world is read through the API's
compiled household and person pages, reaching the objects a page links to (a member's other
households, relatives who live elsewhere). What comes back null must be exactly what the
decision refuses (`decide` for households; for people, a household in scope or an enrolment
at the grant's school, as docs/api.md states the rule); a refused grant is
FORBIDDEN whatever the id.
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import Right
from graph_service.access.settings import AccessSettings
from graph_service.clock import FixedClock
from graph_service.db.scope import households_of_people
from graph_service.graphql.ids import from_global_id, to_global_id
from graph_service.services.access_decision import decide, load_caller
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings
from graph_service.testing.world import World

RELATED = "person { id }"
PERSON_FIELDS = f"""
  id
  memberships {{ household {{ id }} }}
  householdRelationships {{ {RELATED} }} nonHouseholdRelationships {{ {RELATED} }}
  guardians {{ {RELATED} }} emergencyContacts {{ {RELATED} }}
"""
PERSON = f"query($id: ID!) {{ person(id: $id) {{ {PERSON_FIELDS} }} }}"
HOUSEHOLD = f"""query($id: ID!) {{ household(id: $id) {{
  id members {{ person {{ {PERSON_FIELDS} }} }}
}} }}"""
CREATE_HOUSEHOLD = (
    "mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }"
)
ALLOWED = ["lincoln_office", "elm_office", "lincoln_teacher", "district", "steward"]
REFUSED = ["expired", "revoked", "pending", "no_grant", "departed"]


class Decision:
    """What the one access decision allows one caller to read today."""

    def __init__(self, households: set[str], people: set[str]) -> None:
        self.households = households
        self.people = people


async def _decision(
    driver: AsyncDriver,
    settings: Settings,
    clock: FixedClock,
    employee: str,
    world: World,
    known: list[str],
) -> Decision:
    runtime = Runtime(driver, settings.neo4j_database, AccessSettings().policy(), clock)
    caller = await load_caller(runtime, employee)
    everyone = list(world.people.values())
    placed = await households_of_people(
        driver, person_ids=everyone, as_of=runtime.today(), database=settings.neo4j_database
    )
    households = sorted({h for p in placed.values() for h in p.household_ids} | set(known))
    decision = await decide(runtime, caller, Right.READ, households)
    allowed = set(decision.allowed_ids)
    schools = set(caller.school_ids)
    people = {
        p
        for p, scope in placed.items()
        if caller.district_wide
        or allowed.intersection(scope.household_ids)
        or schools.intersection(scope.school_ids)
    }
    return Decision(allowed, people)


def _seen(value: Any, shown: set[str]) -> None:
    """Collect the global ids a page shows, as "Kind:raw id"."""
    if isinstance(value, list):
        for item in value:
            _seen(item, shown)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "id":
                decoded = from_global_id(item)
                assert decoded is not None
                shown.add(f"{decoded[0]}:{decoded[1]}")
            else:
                _seen(item, shown)


async def _pages_show_exactly_the_decision(
    who: str,
    as_staff: Any,
    world: World,
    driver: AsyncDriver,
    settings: Settings,
    clock: FixedClock,
    households: list[str],
) -> None:
    decision = await _decision(driver, settings, clock, world.staff[who], world, households)
    client = as_staff(who)
    shown: set[str] = set()
    for raw in world.people.values():
        page = client.data(PERSON, id=to_global_id("Person", raw))["person"]
        assert (page is not None) == (raw in decision.people), raw
        _seen(page, shown)
    for raw in households:
        page = client.data(HOUSEHOLD, id=to_global_id("Household", raw))["household"]
        assert (page is not None) == (raw in decision.households), raw
        _seen(page, shown)
    seen_households = {s.split(":", 1)[1] for s in shown if s.startswith("Household:")}
    seen_people = {s.split(":", 1)[1] for s in shown if s.startswith("Person:")}
    # Nothing outside the decision is ever shown, through any link, and all in it is.
    assert seen_households == decision.households & set(households)
    assert seen_people == decision.people & set(world.people.values())


@pytest.mark.parametrize("who", ALLOWED)
async def test_pages_show_exactly_what_the_decision_allows(
    who: str,
    as_staff: Any,
    world: World,
    migrated_driver: AsyncDriver,
    settings: Settings,
    clock: FixedClock,
) -> None:
    households = list(world.households.values())
    await _pages_show_exactly_the_decision(
        who, as_staff, world, migrated_driver, settings, clock, households
    )


@pytest.mark.parametrize("who", ["lincoln_office", "elm_office"])
async def test_a_second_home_outside_the_scope_is_withheld(
    who: str,
    as_staff: Any,
    rebuilt_world_after: World,
    migrated_driver: AsyncDriver,
    settings: Settings,
    clock: FixedClock,
) -> None:
    """Maria, a Lincoln mother, also lives in a household created at Elm with no enrolled
    member: the Lincoln clerk sees Maria but not that household, the Elm clerk the reverse."""
    world = rebuilt_world_after
    created = as_staff("district").data(
        CREATE_HOUSEHOLD,
        input={"name": "Second home", "startDate": "2025-08-01", "createdAtSchoolId": "elm",
               "members": [{"personId": world.people["lincoln_mother"], "secondary": True}]},
    )  # fmt: skip
    second_home = from_global_id(created["createHousehold"]["id"])
    assert second_home is not None
    households = [*world.households.values(), second_home[1]]
    await _pages_show_exactly_the_decision(
        who, as_staff, world, migrated_driver, settings, clock, households
    )


@pytest.mark.parametrize("who", REFUSED)
def test_a_refused_grant_reads_nothing(who: str, as_staff: Any, world: World) -> None:
    client = as_staff(who)
    for raw in world.people.values():
        body = client.post(PERSON, id=to_global_id("Person", raw))
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert body["data"] in (None, {"person": None})
