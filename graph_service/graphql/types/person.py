"""A person as they were on a day, with relationships seen from their side."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph_service.domain.enrollments import Enrolment, Grade
from graph_service.domain.households import Household as HouseholdModel
from graph_service.domain.people import Gender
from graph_service.domain.person_view import PersonMembership, PersonView
from graph_service.domain.relationships import RelatedPerson
from graph_service.graphql.authorization import (
    guarded_by_parent,
    readable_households,
    readable_people,
)
from graph_service.graphql.context import Info
from graph_service.graphql.ids import to_global_id
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
    household_record: strawberry.Private[HouseholdModel]
    as_of: strawberry.Private[date]
    secondary: bool
    private: bool
    start_date: date
    end_date: date | None

    @strawberry.field(description="The household; null when it is outside your access scope.")
    async def household(self, info: Info) -> HouseholdRef | None:
        from graph_service.graphql.types.household import Household

        if not await readable_households(info).load(self.household_record.id):
            return None
        return Household.from_household(self.household_record, self.as_of)

    @classmethod
    def from_model(cls, membership: PersonMembership, as_of: date) -> Membership:
        return cls(
            household_record=membership.household,
            as_of=as_of,
            secondary=membership.secondary,
            private=membership.private,
            start_date=membership.start_date,
            end_date=membership.end_date,
        )


@guarded_by_parent
@strawberry.type(
    description="A relationship seen from the person's side: the other person is my `label`."
)
class Relationship(Node):
    other_id: strawberry.Private[str]
    as_of: strawberry.Private[date]
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

    @strawberry.field(description="The other person; null when outside your access scope.")
    async def person(self, info: Info) -> Person | None:
        if not await readable_people(info, self.as_of).load(self.other_id):
            return None
        view = await info.context.loaders.person.load((self.other_id, self.as_of))
        return Person.from_model(view) if view else None

    @classmethod
    def from_model(cls, related: RelatedPerson, as_of: date) -> Relationship:
        r = related.relationship
        return cls(
            id=strawberry.ID(to_global_id("Relationship", r.id)),
            other_id=related.other.id,
            as_of=as_of,
            label=related.label,
            type=r.type,
            household_relationship=related.household,
            guardian=r.guardian,
            mailing=r.mailing,
            portal=r.portal,
            messenger=r.messenger,
            emergency_priority=r.emergency_priority,
            lives_with=r.lives_with,
            contact_restrictions=r.contact_restrictions,
            private=r.private,
            comments=r.comments,
            start_date=r.start_date,
            end_date=r.end_date,
            version=r.version,
            other_first_name=related.other.first_name,
            other_last_name=related.other.last_name,
        )


@guarded_by_parent
@strawberry.type(description="A school.")
class School(Node):
    name: str | None


@guarded_by_parent
@strawberry.type(description="An enrolment of the person at a school.")
class Enrollment(Node):
    school: School
    grade: GradeEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    start_date: date
    end_date: date | None

    @classmethod
    def from_model(cls, enrolment: Enrolment) -> Enrollment:
        school = enrolment.school
        return cls(
            id=strawberry.ID(to_global_id("Enrollment", enrolment.id)),
            school=School(id=strawberry.ID(to_global_id("School", school.id)), name=school.name),
            grade=enrolment.grade,
            start_date=enrolment.start_date,
            end_date=enrolment.end_date,
        )


@guarded_by_parent
@strawberry.type(description="A person, as they were on `asOf`.")
class Person(Node):
    raw_id: strawberry.Private[str]
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

    @classmethod
    def from_model(cls, view: PersonView) -> Person:
        p, day = view.person, view.as_of

        def related(items: list[RelatedPerson]) -> list[Relationship]:
            return [Relationship.from_model(item, day) for item in items]

        return cls(
            id=strawberry.ID(to_global_id("Person", p.id)),
            raw_id=p.id,
            first_name=p.first_name,
            middle_name=p.middle_name,
            last_name=p.last_name,
            suffix=p.suffix,
            preferred_name=p.preferred_name,
            birth_date=p.birth_date,
            gender=p.gender,
            student_number=p.student_number,
            state_id=p.state_id,
            version=p.version,
            created_at=p.created_at,
            updated_at=p.updated_at,
            as_of=day,
            memberships=[Membership.from_model(m, day) for m in view.memberships],
            household_relationships=related(view.household_relationships),
            non_household_relationships=related(view.non_household_relationships),
            guardians=related(view.guardians),
            emergency_contacts=related(view.emergency_contacts),
            enrollments=[Enrollment.from_model(e) for e in view.enrolments],
            phones=[PhoneLink.from_model(link) for link in view.phones],
        )
