"""A person as they were on a day, with relationships seen from their side (compiled reads)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph_service.domain.enrollments import Grade
from graph_service.domain.people import Gender
from graph_service.graphql.authorization import guarded_by_parent
from graph_service.graphql.types.compiled import Projected, global_id
from graph_service.graphql.types.contact import PhoneLink
from graph_service.graphql.types.node import Node

if TYPE_CHECKING:
    from graph_service.graphql.types.household import Household

HouseholdRef = Annotated["Household", strawberry.lazy("graph_service.graphql.types.household")]
GenderEnum = strawberry.enum(Gender, name="Gender")
GradeEnum = strawberry.enum(Grade, name="Grade")


@guarded_by_parent
@strawberry.type(description="One of the person's households on `asOf`.")
class Membership:
    secondary: bool
    private: bool
    start_date: date
    end_date: date | None
    household: HouseholdRef | None = strawberry.field(
        description="The household; null when it is outside your access scope."
    )


@guarded_by_parent
@strawberry.type(
    description="A relationship seen from the person's side: the other person is my `label`."
)
class Relationship(Node, Projected):
    id: strawberry.ID = global_id("Relationship")
    label: str = strawberry.field(description='What the other person is to me ("Father").')
    type: str = strawberry.field(description="The type as stored on the pair's one edge.")
    household_relationship: bool = strawberry.field(
        description="True when the two share a current household on `asOf` (derived)."
    )
    guardian: bool
    mailing: bool
    portal: bool
    messenger: bool
    emergency_priority: int | None
    lives_with: bool
    contact_restrictions: str | None
    private: bool
    comments: str | None
    start_date: date | None
    end_date: date | None
    version: int
    other_first_name: str
    other_last_name: str
    person: Person | None = strawberry.field(
        description="The other person; null when outside your access scope."
    )


@guarded_by_parent
@strawberry.type(description="A school.")
class School(Node, Projected):
    id: strawberry.ID = global_id("School")
    name: str | None


@guarded_by_parent
@strawberry.type(description="An enrolment of the person at a school.")
class Enrollment(Node, Projected):
    id: strawberry.ID = global_id("Enrollment")
    school: School
    grade: GradeEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    start_date: date
    end_date: date | None


@guarded_by_parent
@strawberry.type(description="A person, as they were on `asOf`.")
class Person(Node, Projected):
    id: strawberry.ID = global_id("Person")
    first_name: str
    middle_name: str | None
    last_name: str
    suffix: str | None
    preferred_name: str | None
    birth_date: date | None
    gender: GenderEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    student_number: str | None
    state_id: str | None
    version: int = strawberry.field(description="Pass as `expectedVersion` when updating.")
    created_at: datetime
    updated_at: datetime
    as_of: date
    memberships: list[Membership]
    household_relationships: list[Relationship]
    non_household_relationships: list[Relationship]
    guardians: list[Relationship]
    emergency_contacts: list[Relationship] = strawberry.field(
        description="In the order to call them (emergency priority)."
    )
    enrollments: list[Enrollment]
    phones: list[PhoneLink]
