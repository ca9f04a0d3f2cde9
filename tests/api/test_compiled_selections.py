"""What a compiled read returns follows the GraphQL document exactly: aliases, fragments,
inline fragments, `@skip` / `@include` with variables and `__typename` all behave as the
GraphQL specification says, whatever one statement was compiled for them."""

from __future__ import annotations

from typing import Any

from graph_service.graphql.ids import to_global_id
from graph_service.testing.world import World

ALIASED = """
query($id: ID!, $withPhones: Boolean!, $skipAddresses: Boolean!) {
  household(id: $id) {
    __typename
    title: name
    ...Counts
    people: members { person { given: firstName } }
    members { secondary person { family: lastName } }
    phones @include(if: $withPhones) { phone { number } }
    addresses @skip(if: $skipAddresses) { address { city } }
  }
}
fragment Counts on Household { version members { person { __typename id } } }
"""
NODE = """
query($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Person { firstName memberships { household { name } } }
    ... on Household { name }
  }
}
"""


def test_aliases_fragments_and_directives_shape_the_answer(as_staff: Any, world: World) -> None:
    clerk = as_staff("lincoln_office")
    household = to_global_id("Household", world.households["lincoln"])
    answer = clerk.data(ALIASED, id=household, withPhones=False, skipAddresses=False)
    page = answer["household"]
    assert page["__typename"] == "Household"
    assert page["title"] == "Rivera (Main St)"
    assert page["version"] >= 1
    assert sorted(m["person"]["given"] for m in page["people"]) == ["Ana", "Maria"]
    assert {m["person"]["family"] for m in page["members"]} == {"Rivera"}
    assert all(m["person"]["__typename"] == "Person" for m in page["members"])
    assert "phones" not in page
    assert page["addresses"][0]["address"]["city"] == "Springfield"

    flipped = clerk.data(ALIASED, id=household, withPhones=True, skipAddresses=True)["household"]
    assert "addresses" not in flipped
    assert flipped["phones"][0]["phone"]["number"] == "+12175550101"
    # The same (cached) document with the first variables again: what each selected is
    # remembered by the variables' values too.
    again = clerk.data(ALIASED, id=household, withPhones=False, skipAddresses=False)["household"]
    assert again == page


def test_node_answers_with_the_fields_of_its_own_type(as_staff: Any, world: World) -> None:
    clerk = as_staff("lincoln_office")
    person = clerk.data(NODE, id=to_global_id("Person", world.people["lincoln_student"]))
    household = clerk.data(NODE, id=to_global_id("Household", world.households["lincoln"]))
    assert person["node"]["__typename"] == "Person"
    assert person["node"]["firstName"] == "Ana"
    assert person["node"]["memberships"][0]["household"]["name"] == "Rivera (Main St)"
    assert "name" not in person["node"]
    assert household["node"] == {
        "__typename": "Household",
        "id": to_global_id("Household", world.households["lincoln"]),
        "name": "Rivera (Main St)",
    }


def _multiplying_fragments(levels: int, leaf: str = "firstName lastName") -> str:
    """A person page whose fragments each use the next four times: small to send, but
    4**levels relatives' worth of fields once expanded."""
    lists = ("householdRelationships", "nonHouseholdRelationships", "guardians",
             "emergencyContacts")  # fmt: skip
    fragments = [
        f"fragment L{n} on Person {{ "
        + " ".join(f"{name} {{ person {{ ...L{n + 1} }} }}" for name in lists)
        + " }"
        for n in range(1, levels)
    ]
    fragments.append(f"fragment L{levels} on Person {{ {leaf} }}")
    return "query($id: ID!) { person(id: $id) { ...L1 } }\n" + "\n".join(fragments)


def test_fragments_that_multiply_a_selection_are_refused_before_compiling(
    as_staff: Any, world: World
) -> None:
    clerk = as_staff("lincoln_office")
    student = to_global_id("Person", world.people["lincoln_student"])
    assert clerk.data(_multiplying_fragments(2), id=student)["person"] is not None
    # 553 fields once expanded: within the document's limit of 1,000 (graphql/limits.py),
    # over a compiled read's 500.
    leaf = "id firstName lastName birthDate studentNumber version"
    body = clerk.post(_multiplying_fragments(4, leaf), id=student)
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "selection"
    assert "at most 500 fields" in error["message"]
