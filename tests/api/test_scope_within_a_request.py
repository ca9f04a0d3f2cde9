"""Scope answers are reused within a query, never within a mutation: a write earlier in the
same request can take a household out of the caller's scope, and the next field must see it."""

from __future__ import annotations

from typing import Any

CREATE_PERSON = "mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }"
CREATE_HOUSEHOLD = (
    "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id version } }"
)
ENROL = "mutation($i: EnrolInput!) { enrolPerson(input: $i) { enrollments { id } } }"
READ_BACK = """
query($person: ID!, $household: ID!) {
  person(id: $person) { enrollments { id } }
  household(id: $household) { name }
}"""
END_THEN_EDIT = """
mutation($end: EndEnrollmentInput!, $edit: EditHouseholdInput!) {
  ended: endEnrollment(input: $end) { id }
  edited: editHousehold(input: $edit) { id name }
}"""


def test_a_write_that_ends_scope_is_seen_by_the_next_field(as_staff: Any) -> None:
    district = as_staff("district")
    person = district.data(
        CREATE_PERSON,
        i={"firstName": "Ines", "lastName": "Moved", "birthDate": "2012-02-02",
           "confirmNotDuplicate": True},
    )["createPerson"]["id"]  # fmt: skip
    household = district.data(
        CREATE_HOUSEHOLD,
        i={"name": "Moved Family", "startDate": "2026-09-01", "createdAtSchoolId": "elm",
           "members": [{"personId": person}]},
    )["createHousehold"]  # fmt: skip
    enrolment = district.data(
        ENROL,
        i={"personId": person, "schoolId": "lincoln", "grade": "G8", "startDate": "2026-09-01"},
    )["enrolPerson"]["enrollments"][0]["id"]
    clerk = as_staff("lincoln_office")  # in scope through the Lincoln enrolment only

    body = clerk.post(
        END_THEN_EDIT,
        end={"enrolmentId": enrolment, "endDate": "2026-09-14"},
        edit={"householdId": household["id"], "expectedVersion": household["version"],
              "name": "Renamed Family"},
    )  # fmt: skip

    # Ending the enrolment needed the household in scope and was done; after it the
    # household is Elm's alone, so the rename in the same request is refused.
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
        (["edited"], "NOT_FOUND")
    ]
    after = district.data(READ_BACK, person=person, household=household["id"])
    assert after["person"]["enrollments"] == []
    assert after["household"]["name"] == "Moved Family"
