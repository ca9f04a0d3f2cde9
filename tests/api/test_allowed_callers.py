"""Every mutation and platform field succeeds for a caller it allows (the refusals are in
test_authorization_matrix.py): a clerk keeps a family's record from start to finish."""

from __future__ import annotations

import json
from typing import Any

from graph_service.auth.principal import PlatformRole
from tests.api.conftest import GraphQLClient

HOUSEHOLD = (
    "id version members { person { id firstName } } "
    "addresses { mailing physical address { id street } } "
    "phones { priority endDate phone { id number } }"
)
PERSON = (
    "id version firstName phones { priority endDate phone { id number } } "
    "householdRelationships { id label } enrollments { id school { name } }"
)


def _do(client: GraphQLClient, mutation: str, input_type: str, fields: str, **values: Any) -> Any:
    query = f"mutation($input: {input_type}!) {{ {mutation}(input: $input) {{ {fields} }} }}"
    return client.data(query, input=values)[mutation]


def _person(client: GraphQLClient, first: str, born: str = "1990-01-01", **more: Any) -> Any:
    return _do(
        client,
        "createPerson",
        "CreatePersonInput",
        PERSON,
        firstName=first,
        lastName="Allowed",
        birthDate=born,
        **more,
    )


def test_household_mutations_for_a_clerk(as_staff: Any) -> None:
    clerk = as_staff("lincoln_office")
    mom, kid, dad = (
        _person(clerk, "Mara"),
        _person(clerk, "Kit", "2014-04-04"),
        _person(clerk, "Dov"),
    )
    home = _do(
        clerk,
        "createHousehold",
        "CreateHouseholdInput",
        HOUSEHOLD,
        name="Allowed",
        startDate="2026-09-01",
        members=[{"personId": mom["id"]}, {"personId": kid["id"]}],
    )
    home = _do(
        clerk,
        "addMember",
        "AddMemberInput",
        HOUSEHOLD,
        householdId=home["id"],
        expectedVersion=home["version"],
        personId=dad["id"],
        startDate="2026-09-02",
    )
    assert {m["person"]["firstName"] for m in home["members"]} == {"Mara", "Kit", "Dov"}

    home = _do(
        clerk,
        "addAddress",
        "AddAddressInput",
        HOUSEHOLD,
        householdId=home["id"],
        expectedVersion=home["version"],
        startDate="2026-09-02",
        physical=False,
        address={"poBox": "77", "city": "Springfield", "state": "IL", "zip": "62701"},
    )
    box = home["addresses"][0]["address"]["id"]
    home = _do(
        clerk,
        "endAddress",
        "EndAddressInput",
        HOUSEHOLD,
        householdId=home["id"],
        addressId=box,
        expectedVersion=home["version"],
        endDate="2026-09-10",
    )
    assert home["addresses"] == []

    for number in ("217-555-0111", "217-555-0112"):
        home = _do(
            clerk,
            "addHouseholdPhone",
            "AddPhoneInput",
            HOUSEHOLD,
            ownerId=home["id"],
            expectedVersion=home["version"],
            number=number,
        )
    first, second = (link["phone"]["id"] for link in home["phones"])
    home = _do(
        clerk,
        "reprioritizeHouseholdPhones",
        "ReprioritizePhonesInput",
        HOUSEHOLD,
        ownerId=home["id"],
        expectedVersion=home["version"],
        phoneIds=[second, first],
    )
    assert [link["phone"]["id"] for link in home["phones"]] == [second, first]
    home = _do(
        clerk,
        "endHouseholdPhone",
        "EndPhoneInput",
        HOUSEHOLD,
        ownerId=home["id"],
        phoneId=first,
        expectedVersion=home["version"],
        endDate="2026-09-15",
    )
    ended = {link["phone"]["id"]: link["endDate"] for link in home["phones"]}
    assert ended == {second: None, first: "2026-09-15"}  # its last day is today

    home = _do(
        clerk,
        "endMembership",
        "EndMembershipInput",
        HOUSEHOLD,
        householdId=home["id"],
        expectedVersion=home["version"],
        personId=dad["id"],
        endDate="2026-09-14",
    )
    current = clerk.data(
        "query($id: ID!) { household(id: $id) { members { person { firstName } } } }", id=home["id"]
    )["household"]["members"]
    assert {m["person"]["firstName"] for m in current} == {"Mara", "Kit"}


def test_person_mutations_for_a_clerk(as_staff: Any) -> None:
    clerk = as_staff("lincoln_office")
    mom, kid = _person(clerk, "Lena"), _person(clerk, "Ivo", "2013-03-03")
    _do(
        clerk,
        "createHousehold",
        "CreateHouseholdInput",
        "id",
        name="Allowed too",
        startDate="2026-09-01",
        members=[{"personId": mom["id"]}, {"personId": kid["id"]}],
    )

    kid = _do(
        clerk,
        "editPerson",
        "EditPersonInput",
        PERSON,
        personId=kid["id"],
        expectedVersion=kid["version"],
        firstName="Ivan",
        lastName="Allowed",
        birthDate="2013-03-03",
    )
    assert kid["firstName"] == "Ivan"

    for number in ("217-555-0121", "217-555-0122"):
        mom = _do(
            clerk,
            "addPersonPhone",
            "AddPhoneInput",
            PERSON,
            ownerId=mom["id"],
            expectedVersion=mom["version"],
            number=number,
            type="MOBILE",
        )
    first, second = (link["phone"]["id"] for link in mom["phones"])
    mom = _do(
        clerk,
        "reprioritizePersonPhones",
        "ReprioritizePhonesInput",
        PERSON,
        ownerId=mom["id"],
        expectedVersion=mom["version"],
        phoneIds=[second, first],
    )
    mom = _do(
        clerk,
        "endPersonPhone",
        "EndPhoneInput",
        PERSON,
        ownerId=mom["id"],
        phoneId=first,
        expectedVersion=mom["version"],
        endDate="2026-09-15",
    )
    ended = {link["phone"]["id"]: link["endDate"] for link in mom["phones"]}
    assert ended == {second: None, first: "2026-09-15"}

    mom = _do(
        clerk,
        "setRelationship",
        "SetRelationshipInput",
        PERSON,
        personId=mom["id"],
        relatedPersonId=kid["id"],
        type="Mother",
        guardian=True,
        startDate="2026-09-01",
    )
    relationship = mom["householdRelationships"][0]
    assert relationship["label"] == "Child"
    version = clerk.data(
        "query($id: ID!) { person(id: $id) { householdRelationships { id version } } }",
        id=mom["id"],
    )["person"]["householdRelationships"][0]["version"]
    mom = _do(
        clerk,
        "endRelationship",
        "EndRelationshipInput",
        PERSON,
        relationshipId=relationship["id"],
        expectedVersion=version,
        endDate="2026-09-14",
    )

    kid = _do(
        clerk,
        "enrolPerson",
        "EnrolInput",
        PERSON,
        personId=kid["id"],
        schoolId="lincoln",
        grade="G7",
        startDate="2026-09-01",
    )
    kid = _do(
        clerk,
        "endEnrollment",
        "EndEnrollmentInput",
        PERSON,
        enrolmentId=kid["enrollments"][0]["id"],
        endDate="2026-09-14",
    )

    twin = _person(clerk, "Ivan", "2013-03-03", confirmNotDuplicate=True)
    survivor = _do(
        clerk,
        "mergePeople",
        "MergePeopleInput",
        PERSON,
        survivorId=kid["id"],
        mergedId=twin["id"],
        survivorExpectedVersion=kid["version"],
        mergedExpectedVersion=twin["version"],
    )
    assert survivor["id"] == kid["id"]

    admin = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
    merges = admin.data(
        "query($id: ID!) { personMerges(personId: $id) { id undoneAt } }", id=kid["id"]
    )["personMerges"]
    undone = _do(
        admin, "undoPersonMerge", "UndoMergeInput", "id undoneAt mergedId", mergeId=merges[0]["id"]
    )
    assert undone["undoneAt"] is not None
    assert undone["mergedId"] == twin["id"]


def test_platform_operations_for_their_roles(as_staff: Any, world: Any) -> None:
    feed = as_staff("E-LMS-FEED", PlatformRole.INTEGRATION_FEED)
    lines = [
        json.dumps(
            {
                "type": "course-completed",
                "employeeId": "E-NO-GRANT",
                "source": "lms",
                "occurredAt": "2026-09-15T08:30:00-05:00",
                "courseId": "FERPA-101",
            }
        ),
        json.dumps({"type": "course-completed", "employeeId": "E-NO-GRANT", "source": "lms"}),
    ]
    report = feed.data(
        "mutation($c: String!) { ingestAccessEvents(content: $c, format: JSONL) "
        "{ applied duplicates rejected { line reason } } }",
        c="\n".join(lines),
    )["ingestAccessEvents"]
    assert report["applied"] == 1
    assert [row["line"] for row in report["rejected"]] == [2]

    admin = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
    approval = admin.data(
        'mutation { approveHouseholdAccess(employeeId: "E-LINCOLN-TEACHER", schoolId: "lincoln") '
        "{ key duplicate } }"
    )["approveHouseholdAccess"]
    assert approval["key"]
    status = admin.data('{ accessStatus(employeeId: "E-LINCOLN-OFFICE") { status rights } }')
    assert status["accessStatus"]["status"] == "active"
    events = admin.data('{ auditEvents(employeeId: "E-NO-GRANT", first: 50) { kind actor } }')
    assert any(event["kind"].startswith("event") for event in events["auditEvents"])
