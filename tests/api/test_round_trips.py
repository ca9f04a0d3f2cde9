"""A household or person page is one Cypher round trip, for 2 members as for 20."""

from __future__ import annotations

import itertools
from typing import Any

from graph_service.graphql.ids import to_global_id
from graph_service.testing.round_trips import counting_runs
from tests.api.conftest import GraphQLClient

HOUSEHOLD_PAGE = """
query($id: ID!) {
  household(id: $id) {
    name version
    addresses { physical mailing address { number street tag city state zip } }
    phones { priority phone { number type } }
    members {
      secondary startDate
      person {
        firstName lastName birthDate
        phones { phone { number } }
        enrollments { grade school { name } }
        householdRelationships { label guardian otherFirstName }
        nonHouseholdRelationships { label otherFirstName person { firstName } }
        emergencyContacts { otherFirstName emergencyPriority }
        memberships { secondary household { name } }
      }
    }
  }
}
"""


def _family(clerk: GraphQLClient, size: int, name: str) -> str:
    create_person = "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }"
    people = [
        clerk.data(
            create_person,
            input={"firstName": f"Kid{i}", "lastName": name,
                   "birthDate": f"20{10 + i % 9}-01-0{1 + i % 9}", "confirmNotDuplicate": True},
        )["createPerson"]["id"]
        for i in range(size)
    ]  # fmt: skip
    household = clerk.data(
        "mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }",
        input={
            "name": name,
            "startDate": "2026-09-01",
            "address": {"address": {"number": "1", "street": f"{name} Rd", "city": "Springfield",
                                    "state": "IL", "zip": "62701"}},
            "phone": {"number": "217-555-0" + str(100 + size)},
            "members": [{"personId": p} for p in people],
        },
    )["createHousehold"]["id"]  # fmt: skip
    relate = "mutation($input: SetRelationshipInput!) { setRelationship(input: $input) { id } }"
    for older, younger in itertools.pairwise(people):
        clerk.data(
            relate,
            input={"personId": older, "relatedPersonId": younger, "type": "Sibling",
                   "startDate": "2026-09-01"},
        )  # fmt: skip
    enrol = "mutation($input: EnrolInput!) { enrolPerson(input: $input) { id } }"
    clerk.data(
        enrol,
        input={
            "personId": people[0],
            "schoolId": "lincoln",
            "grade": "G9",
            "startDate": "2026-09-01",
        },
    )
    return str(household)


def _round_trips(clerk: GraphQLClient, household_id: str) -> int:
    with counting_runs(ignore=("AuditEvent",)) as runs:
        page = clerk.data(HOUSEHOLD_PAGE, id=household_id)
    assert page["household"] is not None
    return runs.count


def test_household_page_round_trips_do_not_grow_with_members(as_staff: Any) -> None:
    clerk = as_staff("lincoln_office")
    small = _family(clerk, 2, "Small")
    large = _family(clerk, 20, "Large")
    members = clerk.data(HOUSEHOLD_PAGE, id=large)["household"]["members"]
    assert len(members) == 20
    assert sum(len(m["person"]["householdRelationships"]) for m in members) == 38

    small_trips = _round_trips(clerk, small)
    large_trips = _round_trips(clerk, large)
    print(f"household page round trips: 2 members {small_trips}, 20 members {large_trips}")
    # One statement: the caller's grant, the household's scope and everything selected.
    assert small_trips == large_trips == 1, (small_trips, large_trips)


PERSON_PAGE = """
query($id: ID!) {
  person(id: $id) {
    firstName lastName birthDate
    memberships { secondary household { name } }
    householdRelationships { label guardian otherFirstName }
    nonHouseholdRelationships { label otherFirstName person { firstName } }
    guardians { otherFirstName } emergencyContacts { otherFirstName emergencyPriority }
    enrollments { grade school { name } }
  }
}
"""


def test_person_page_round_trips(as_staff: Any, world: Any) -> None:
    clerk = as_staff("lincoln_office")
    student = world.people["lincoln_student"]  # with a father living in the Elm household
    with counting_runs(ignore=("AuditEvent",)) as runs:
        page = clerk.data(PERSON_PAGE, id=student)["person"]
    assert page["memberships"][0]["household"] is not None
    assert page["nonHouseholdRelationships"], page
    print(f"person page round trips: {runs.count}")
    # One statement: the caller's grant, the person's scope, everything selected and the
    # scope of the related people who live elsewhere.
    assert runs.count == 1, runs.count


NODES_PAGE = """
query($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Household { name members { person { firstName memberships { household { name } } } } }
    ... on Person { firstName nonHouseholdRelationships { label person { lastName } } }
  }
}
"""


def test_nodes_of_both_kinds_are_one_round_trip(as_staff: Any, world: Any) -> None:
    clerk = as_staff("lincoln_office")
    ids = [
        to_global_id("Household", world.households["lincoln"]),
        to_global_id("Person", world.people["lincoln_student"]),
        to_global_id("Household", world.households["elm"]),  # another school's: null
    ]
    with counting_runs(ignore=("AuditEvent",)) as runs:
        found = clerk.data(NODES_PAGE, ids=ids)["nodes"]
    assert [node is not None for node in found] == [True, True, False]
    assert found[0]["name"] == "Rivera (Main St)"
    assert found[1]["firstName"] == "Ana"
    assert runs.count == 1, runs.count
