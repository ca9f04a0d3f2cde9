"""Every root field and mutation, with a request a caller could send against the world.

Each operation names the right it needs, so the matrix test knows who must be refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph_service.graphql.ids import to_global_id
from graph_service.testing.world import World

READ, WRITE, ADD, DELETE = "R", "W", "A", "D"
DISTRICT_READ = "district-read"
ACCESS_ADMIN, FEED, ADMIN_OR_FEED, AUTHENTICATED, ANYONE = (
    "access-admin",
    "integration-feed",
    "admin-or-feed",
    "authenticated",
    "anyone",
)
HOUSEHOLD_FIELDS = "id name version members { person { id firstName lastName } }"
PERSON_FIELDS = "id firstName lastName version"


@dataclass(frozen=True)
class Operation:
    field: str
    needs: str  # a household right, or a platform rule
    query: str
    variables: Callable[[World], dict[str, Any]]

    @property
    def household_data(self) -> bool:
        return self.needs in (READ, WRITE, ADD, DELETE)


def _h(world: World, key: str = "lincoln") -> str:
    return to_global_id("Household", world.households[key])


def _p(world: World, key: str = "lincoln_student") -> str:
    return to_global_id("Person", world.people[key])


def _m(name: str, input_type: str, returns: str) -> str:
    return f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {returns} }} }}"


ADDRESS = {"number": "9", "street": "Elm", "tag": "St", "city": "Springfield", "state": "IL",
           "zip": "62702"}  # fmt: skip

QUERIES = [
    Operation("service", ANYONE, "{ service { name } }", lambda w: {}),
    Operation(
        "household",
        READ,
        f"query($id: ID!) {{ household(id: $id) {{ {HOUSEHOLD_FIELDS} }} }}",
        lambda w: {"id": _h(w)},
    ),
    Operation(
        "households",
        READ,
        f'{{ households(by: {{namePrefix: "Rivera"}}) {{ nodes {{ {HOUSEHOLD_FIELDS} }} }} }}',
        lambda w: {},
    ),
    Operation(
        "person",
        READ,
        f"query($id: ID!) {{ person(id: $id) {{ {PERSON_FIELDS} }} }}",
        lambda w: {"id": _p(w)},
    ),
    Operation(
        "people",
        READ,
        f'{{ people(by: {{lastName: "Rivera"}}) {{ nodes {{ {PERSON_FIELDS} }} }} }}',
        lambda w: {},
    ),
    Operation(
        "node",
        READ,
        "query($id: ID!) { node(id: $id) { id ... on Household { name } } }",
        lambda w: {"id": _h(w)},
    ),
    Operation(
        "nodes",
        READ,
        "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Person { firstName } } }",
        lambda w: {"ids": [_p(w), _h(w)]},
    ),
    Operation("myAccess", AUTHENTICATED, "{ myAccess { status } }", lambda w: {}),
    Operation(
        "relationshipNetwork",
        DISTRICT_READ,
        "query($id: ID!) { relationshipNetwork(personId: $id) { nodes { id label } } }",
        lambda w: {"id": _p(w)},
    ),
    Operation(
        "connection",
        DISTRICT_READ,
        "query($a: ID!, $b: ID!) { connection(fromPersonId: $a, toPersonId: $b) "
        "{ length paths { description } } }",
        lambda w: {"a": _p(w), "b": _p(w, "lincoln_mother")},
    ),
    Operation(
        "householdsSharing",
        DISTRICT_READ,
        "{ householdsSharing(by: ADDRESS, ever: true) { items { label households { label } } } }",
        lambda w: {},
    ),
    Operation(
        "duplicateCandidates",
        DISTRICT_READ,
        "{ duplicateCandidates { items { first { label } second { label } } } }",
        lambda w: {},
    ),
    Operation("censusReport", DISTRICT_READ, "{ censusReport { rule count } }", lambda w: {}),
    Operation(
        "censusFindings",
        DISTRICT_READ,
        "{ censusFindings(rule: STUDENT_WITHOUT_GUARDIAN) { items { subject { label } } } }",
        lambda w: {},
    ),
    Operation(
        "accessStatus",
        ACCESS_ADMIN,
        # Another staff member's: a staff member may read their own (test_access_history).
        'query { accessStatus(employeeId: "E-ELM-OFFICE") { status } }',
        lambda w: {},
    ),
    Operation(
        "accessHistory",
        ACCESS_ADMIN,
        'query { accessHistory(employeeId: "E-ELM-OFFICE") { grants { grantId } } }',
        lambda w: {},
    ),
    Operation(
        "personMerges",
        ACCESS_ADMIN,
        "query($id: ID!) { personMerges(personId: $id) { id } }",
        lambda w: {"id": _p(w)},
    ),
    Operation("auditEvents", ACCESS_ADMIN, "{ auditEvents(first: 5) { kind } }", lambda w: {}),
    Operation(  # stewards too (test_access_log), whom the matrix does not refuse
        "accessLog",
        ACCESS_ADMIN,
        "query($id: ID!) { accessLog(householdId: $id) { nodes { actor entitled } } }",
        lambda w: {"id": _h(w)},
    ),
]

MUTATIONS = [
    Operation(
        "createHousehold",
        ADD,
        _m("createHousehold", "CreateHouseholdInput", HOUSEHOLD_FIELDS),
        lambda w: {"input": {"name": "New family", "startDate": "2026-09-01"}},
    ),
    Operation(
        "editHousehold",
        WRITE,
        _m("editHousehold", "EditHouseholdInput", HOUSEHOLD_FIELDS),
        lambda w: {"input": {"householdId": _h(w), "expectedVersion": 1, "name": "Renamed"}},
    ),
    Operation(
        "splitHousehold",
        ADD,
        _m("splitHousehold", "SplitHouseholdInput", HOUSEHOLD_FIELDS),
        lambda w: {
            "input": {
                "householdId": _h(w),
                "expectedVersion": 1,
                "personIds": [_p(w, "lincoln_mother")],
                "splitDate": "2026-09-10",
                "newHousehold": {"name": "Rivera (new)"},
            }
        },
    ),
    Operation(
        "addMember",
        ADD,
        _m("addMember", "AddMemberInput", HOUSEHOLD_FIELDS),
        lambda w: {
            "input": {
                "householdId": _h(w),
                "expectedVersion": 1,
                "personId": _p(w, "lincoln_student_2"),
                "startDate": "2026-09-10",
                "secondary": True,
            }
        },
    ),
    Operation(
        "endMembership",
        DELETE,
        _m("endMembership", "EndMembershipInput", HOUSEHOLD_FIELDS),
        lambda w: {
            "input": {
                "householdId": _h(w),
                "expectedVersion": 1,
                "personId": _p(w, "lincoln_mother"),
                "endDate": "2026-09-10",
            }
        },
    ),
    Operation(
        "addAddress",
        ADD,
        _m("addAddress", "AddAddressInput", HOUSEHOLD_FIELDS),
        lambda w: {
            "input": {
                "householdId": _h(w),
                "expectedVersion": 1,
                "address": ADDRESS,
                "startDate": "2026-09-10",
                "physical": False,
                "mailing": True,
            }
        },
    ),
    Operation(
        "moveHousehold",
        WRITE,
        _m("moveHousehold", "MoveHouseholdInput", HOUSEHOLD_FIELDS),
        lambda w: {
            "input": {
                "householdId": _h(w),
                "expectedVersion": 1,
                "address": ADDRESS,
                "moveDate": "2026-09-10",
            }
        },
    ),
    Operation(
        "endAddress",
        DELETE,
        _m("endAddress", "EndAddressInput", HOUSEHOLD_FIELDS),
        lambda w: {
            "input": {
                "householdId": _h(w),
                "addressId": "00000000-0000-4000-8000-000000000000",
                "expectedVersion": 1,
                "endDate": "2026-09-10",
            }
        },
    ),
    Operation(
        "addHouseholdPhone",
        ADD,
        _m("addHouseholdPhone", "AddPhoneInput", HOUSEHOLD_FIELDS),
        lambda w: {"input": {"ownerId": _h(w), "expectedVersion": 1, "number": "2175550199"}},
    ),
    Operation(
        "reprioritizeHouseholdPhones",
        WRITE,
        _m("reprioritizeHouseholdPhones", "ReprioritizePhonesInput", HOUSEHOLD_FIELDS),
        lambda w: {"input": {"ownerId": _h(w), "expectedVersion": 1, "phoneIds": ["x"]}},
    ),
    Operation(
        "endHouseholdPhone",
        DELETE,
        _m("endHouseholdPhone", "EndPhoneInput", HOUSEHOLD_FIELDS),
        lambda w: {
            "input": {
                "ownerId": _h(w),
                "phoneId": "x",
                "expectedVersion": 1,
                "endDate": "2026-09-10",
            }
        },
    ),
    Operation(
        "createPerson",
        ADD,
        _m("createPerson", "CreatePersonInput", PERSON_FIELDS),
        lambda w: {"input": {"firstName": "Nia", "lastName": "Stone", "birthDate": "2015-01-01"}},
    ),
    Operation(
        "editPerson",
        WRITE,
        _m("editPerson", "EditPersonInput", PERSON_FIELDS),
        lambda w: {
            "input": {
                "personId": _p(w),
                "expectedVersion": 1,
                "firstName": "Anna",
                "lastName": "Rivera",
            }
        },
    ),
    Operation(
        "mergePeople",
        DELETE,
        _m("mergePeople", "MergePeopleInput", PERSON_FIELDS),
        lambda w: {
            "input": {
                "survivorId": _p(w),
                "mergedId": _p(w, "lincoln_mother"),
                "survivorExpectedVersion": 1,
                "mergedExpectedVersion": 1,
            }
        },
    ),
    Operation(
        "setRelationship",
        WRITE,
        _m("setRelationship", "SetRelationshipInput", PERSON_FIELDS),
        lambda w: {
            "input": {
                "personId": _p(w, "lincoln_mother"),
                "relatedPersonId": _p(w, "lincoln_student_2"),
                "type": "Aunt/Uncle",
                "startDate": "2026-09-01",
            }
        },
    ),
    Operation(
        "endRelationship",
        DELETE,
        _m("endRelationship", "EndRelationshipInput", PERSON_FIELDS),
        lambda w: {"input": {"relationshipId": "x", "expectedVersion": 1, "endDate": "2026-09-10"}},
    ),
    Operation(
        "reorderEmergencyContacts",
        WRITE,
        _m("reorderEmergencyContacts", "ReorderEmergencyContactsInput", PERSON_FIELDS),
        lambda w: {
            "input": {
                "personId": _p(w),
                "expectedVersion": 1,
                "contactPersonIds": [_p(w, "lincoln_mother")],
            }
        },
    ),
    Operation(
        "enrolPerson",
        ADD,
        _m("enrolPerson", "EnrolInput", PERSON_FIELDS),
        lambda w: {
            "input": {
                "personId": _p(w, "lincoln_mother"),
                "schoolId": "lincoln",
                "grade": "G10",
                "startDate": "2026-09-01",
            }
        },
    ),
    Operation(
        "endEnrollment",
        DELETE,
        _m("endEnrollment", "EndEnrollmentInput", PERSON_FIELDS),
        lambda w: {"input": {"enrolmentId": "x", "endDate": "2026-09-10"}},
    ),
    Operation(
        "addPersonPhone",
        ADD,
        _m("addPersonPhone", "AddPhoneInput", PERSON_FIELDS),
        lambda w: {"input": {"ownerId": _p(w), "expectedVersion": 1, "number": "2175550198"}},
    ),
    Operation(
        "reprioritizePersonPhones",
        WRITE,
        _m("reprioritizePersonPhones", "ReprioritizePhonesInput", PERSON_FIELDS),
        lambda w: {"input": {"ownerId": _p(w), "expectedVersion": 1, "phoneIds": ["x"]}},
    ),
    Operation(
        "endPersonPhone",
        DELETE,
        _m("endPersonPhone", "EndPhoneInput", PERSON_FIELDS),
        lambda w: {
            "input": {
                "ownerId": _p(w),
                "phoneId": "x",
                "expectedVersion": 1,
                "endDate": "2026-09-10",
            }
        },
    ),
    Operation(
        "recordAccessEvent",
        ADMIN_OR_FEED,
        "mutation($input: AccessEventInput!) { recordAccessEvent(input: $input) { key } }",
        lambda w: {
            "input": {
                "type": "COURSE_COMPLETED",
                "employeeId": "E-NO-GRANT",
                "source": "lms",
                "occurredAt": "2026-09-15T08:00:00-05:00",
                "courseId": "FERPA-101",
            }
        },
    ),
    Operation(
        "ingestAccessEvents",
        FEED,
        "mutation($c: String!) { ingestAccessEvents(content: $c, format: JSONL) { applied } }",
        lambda w: {"c": ""},
    ),
    Operation(
        "approveHouseholdAccess",
        AUTHENTICATED,
        'mutation { approveHouseholdAccess(employeeId: "E-NO-GRANT", schoolId: "lincoln") '
        "{ key } }",
        lambda w: {},
    ),
    Operation(
        "undoPersonMerge",
        ACCESS_ADMIN,
        "mutation($input: UndoMergeInput!) { undoPersonMerge(input: $input) { id } }",
        lambda w: {"input": {"mergeId": "00000000-0000-4000-8000-000000000001"}},
    ),
    Operation(
        "runProvisioning", ACCESS_ADMIN, "mutation { runProvisioning { activated } }", lambda w: {}
    ),
]
