"""The household tool through the API, as an office professional at Lincoln uses it."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.settings import Settings
from graph_service.testing.world import World
from tests.api.conftest import GraphQLClient
from tests.api.operations import HOUSEHOLD_FIELDS, PERSON_FIELDS

PAGE = """
id name version
members { secondary person { id firstName } }
addresses { physical mailing startDate endDate address { id street } }
phones { priority phone { id number } }
"""


def _m(name: str, input_type: str, fields: str = HOUSEHOLD_FIELDS) -> str:
    return f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {fields} }} }}"


def _person(client: GraphQLClient, first: str, last: str, born: str) -> dict[str, Any]:
    query = _m("createPerson", "CreatePersonInput", PERSON_FIELDS)
    created: dict[str, Any] = client.data(
        query, input={"firstName": first, "lastName": last, "birthDate": born}
    )["createPerson"]
    return created


def test_a_clerk_creates_moves_and_reshapes_a_household(as_staff: Any) -> None:
    clerk = as_staff("lincoln_office")
    mom = _person(clerk, "Dana", "Okafor", "1985-02-03")
    kid = _person(clerk, "Tobi", "Okafor", "2012-07-08")

    household = clerk.data(
        _m("createHousehold", "CreateHouseholdInput", PAGE),
        input={
            "name": "Okafor",
            "startDate": "2026-09-01",
            "address": {"address": {"number": "5", "street": "Pine", "tag": "St",
                                    "city": "Springfield", "state": "IL", "zip": "62704"}},
            "phone": {"number": "(217) 555-0142"},
            "members": [{"personId": mom["id"]}, {"personId": kid["id"]}],
        },
    )["createHousehold"]  # fmt: skip
    assert household["version"] == 1
    assert {m["person"]["firstName"] for m in household["members"]} == {"Dana", "Tobi"}
    assert household["phones"][0]["phone"]["number"] == "+12175550142"

    moved = clerk.data(
        _m("moveHousehold", "MoveHouseholdInput", PAGE),
        input={
            "householdId": household["id"],
            "expectedVersion": household["version"],
            "address": {"number": "77", "street": "Birch", "tag": "Ave", "city": "Springfield",
                        "state": "IL", "zip": "62704"},
            "moveDate": "2026-09-14",
        },
    )["moveHousehold"]  # fmt: skip
    assert [a["address"]["street"] for a in moved["addresses"]] == ["Birch"]
    assert moved["version"] > household["version"]

    history = clerk.data(
        'query($id: ID!) { household(id: $id, asOf: "2026-09-10") '
        "{ addresses { address { street } } } }",
        id=household["id"],
    )
    assert [a["address"]["street"] for a in history["household"]["addresses"]] == ["Pine"]

    renamed = clerk.data(
        _m("editHousehold", "EditHouseholdInput", PAGE),
        input={"householdId": household["id"], "expectedVersion": moved["version"],
               "name": "Okafor family", "comments": "Prefers email"},
    )["editHousehold"]  # fmt: skip
    assert renamed["name"] == "Okafor family"

    stale = clerk.post(
        _m("editHousehold", "EditHouseholdInput", PAGE),
        input={"householdId": household["id"], "expectedVersion": 1, "name": "Stale"},
    )
    assert stale["errors"][0]["extensions"] == {"code": "CONFLICT", "field": "expectedVersion"}

    split = clerk.data(
        _m("splitHousehold", "SplitHouseholdInput", PAGE),
        input={
            "householdId": household["id"],
            "expectedVersion": renamed["version"],
            "personIds": [kid["id"]],
            "splitDate": "2026-09-15",
            "newHousehold": {"name": "Okafor (Tobi)"},
        },
    )["splitHousehold"]
    assert [m["person"]["firstName"] for m in split["members"]] == ["Tobi"]


def test_relationships_and_emergency_contacts(as_staff: Any, world: World) -> None:
    clerk = as_staff("lincoln_office")
    student = world.people["lincoln_student_2"]
    aunt = _person(clerk, "Grace", "Park", "1979-12-12")
    uncle = _person(clerk, "Min", "Park", "1977-01-01")
    relate = _m(
        "setRelationship",
        "SetRelationshipInput",
        "id emergencyContacts { otherFirstName emergencyPriority }",
    )
    from graph_service.graphql.ids import to_global_id

    kim = to_global_id("Person", student)
    for priority, relative in ((1, aunt), (2, uncle)):
        clerk.data(
            relate,
            input={"personId": relative["id"], "relatedPersonId": kim, "type": "Aunt/Uncle",
                   "emergencyPriority": priority, "startDate": "2026-09-01"},
        )  # fmt: skip
    page = clerk.data(
        "query($id: ID!) { person(id: $id) { version emergencyContacts { otherFirstName label } "
        "nonHouseholdRelationships { label otherFirstName householdRelationship } } }",
        id=kim,
    )["person"]
    assert [c["otherFirstName"] for c in page["emergencyContacts"]] == ["Grace", "Min"]
    labels = [(r["label"], r["householdRelationship"]) for r in page["nonHouseholdRelationships"]]
    assert labels == [("Aunt/Uncle", False), ("Aunt/Uncle", False)]

    reordered = clerk.data(
        _m("reorderEmergencyContacts", "ReorderEmergencyContactsInput",
           "emergencyContacts { otherFirstName emergencyPriority }"),
        input={"personId": kim, "expectedVersion": page["version"],
               "contactPersonIds": [uncle["id"], aunt["id"]]},
    )["reorderEmergencyContacts"]  # fmt: skip
    assert [c["otherFirstName"] for c in reordered["emergencyContacts"]] == ["Min", "Grace"]


def test_a_teacher_may_add_but_not_end(as_staff: Any) -> None:
    teacher = as_staff("lincoln_teacher")
    created = _person(teacher, "Ola", "Berg", "2011-11-11")
    assert created["firstName"] == "Ola"
    household = teacher.data(
        _m("createHousehold", "CreateHouseholdInput", PAGE),
        input={"name": "Berg", "startDate": "2026-09-01", "members": [{"personId": created["id"]}]},
    )["createHousehold"]
    refused = teacher.post(
        _m("endMembership", "EndMembershipInput", PAGE),
        input={"householdId": household["id"], "expectedVersion": household["version"],
               "personId": created["id"], "endDate": "2026-09-14"},
    )  # fmt: skip
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_writes_are_audited_in_their_own_transaction(
    as_staff: Any, migrated_driver: AsyncDriver, settings: Settings
) -> None:
    async def writes() -> int:
        records, _, _ = await migrated_driver.execute_query(
            cypher("testing/count_audit_events"), kind="household.write",
            database_=settings.neo4j_database,
        )  # fmt: skip
        count: int = records[0]["count"]
        return count

    before = await writes()
    clerk = as_staff("lincoln_office")
    _person(clerk, "Eve", "Audit", "2010-01-01")
    assert await writes() == before + 1
    refused = clerk.post(
        _m("createPerson", "CreatePersonInput", PERSON_FIELDS),
        input={"firstName": "Eve", "lastName": "Audit", "birthDate": "2010-01-01"},
    )  # a duplicate: refused, so neither the person nor its audit entry is written
    assert refused["errors"][0]["extensions"]["code"] in {"CONFLICT", "BAD_USER_INPUT"}
    assert await writes() == before + 1
