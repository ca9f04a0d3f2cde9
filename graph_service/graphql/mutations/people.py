"""Person mutations: create, edit, merge, relationships, enrolments and personal phones."""

from __future__ import annotations

import strawberry

from graph_service.access.policy import Right
from graph_service.db.scope import what_ids_touch
from graph_service.errors import NotFound
from graph_service.graphql.authorization import CanAdd, CanDelete, CanWrite
from graph_service.graphql.context import Info
from graph_service.graphql.inputs import (
    AddPhoneInput,
    CreatePersonInput,
    EditPersonInput,
    EndEnrollmentInput,
    EndPhoneInput,
    EndRelationshipInput,
    EnrolInput,
    MergePeopleInput,
    ReorderEmergencyContactsInput,
    ReprioritizePhonesInput,
    SetRelationshipInput,
)
from graph_service.graphql.mutations.common import person_result, prepare
from graph_service.graphql.types.person import Person
from graph_service.services import enrollments, people, person_merges, phones, relationships

PERSON = [("Person", "person_id")]


@strawberry.type
class PersonMutations:
    @strawberry.mutation(
        description="A new person. Refused as a possible duplicate (same name and birth "
        "date, or student number) unless `confirmNotDuplicate` is true.",
        permission_classes=[CanAdd],
    )
    async def create_person(self, info: Info, input: CreatePersonInput) -> Person:
        data, ctx = await prepare(info, Right.ADD, input, [])
        created = await people.create_person(ctx, data)
        return await person_result(info, created.id)

    @strawberry.mutation(
        description="Replace the person's names, birth date, gender and identifiers.",
        permission_classes=[CanWrite],
    )
    async def edit_person(self, info: Info, input: EditPersonInput) -> Person:
        data, ctx = await prepare(info, Right.WRITE, input, PERSON)
        await people.edit_person(ctx, data)
        return await person_result(info, data["person_id"])

    @strawberry.mutation(
        description="Merge two records of the same human into `survivorId` (reversible by "
        "an access administrator). Returns the survivor.",
        permission_classes=[CanDelete],
    )
    async def merge_people(self, info: Info, input: MergePeopleInput) -> Person:
        targets = [("Person", "survivor_id"), ("Person", "merged_id")]
        # The duplicate is often a record someone created by mistake and never placed.
        data, ctx = await prepare(info, Right.DELETE, input, targets, allow_unplaced_people=True)
        await person_merges.merge_persons(ctx, data)
        return await person_result(info, data["survivor_id"])

    @strawberry.mutation(
        description='"personId is relatedPersonId\'s type": creates the pair, or updates it '
        "when `expectedVersion` is given. Returns `personId`'s person.",
        permission_classes=[CanWrite],
    )
    async def set_relationship(self, info: Info, input: SetRelationshipInput) -> Person:
        targets = [("Person", "person_id"), ("Person", "related_person_id")]
        data, ctx = await prepare(info, Right.WRITE, input, targets, allow_unplaced_people=True)
        await relationships.set_relationship(ctx, data)
        return await person_result(info, data["person_id"])

    @strawberry.mutation(
        description="End a relationship on a date. Returns the person it was stored from.",
        permission_classes=[CanDelete],
    )
    async def end_relationship(self, info: Info, input: EndRelationshipInput) -> Person:
        data, ctx = await prepare(info, Right.DELETE, input, [("Relationship", "relationship_id")])
        ended = await relationships.end_relationship(ctx, data)
        return await person_result(info, ended.from_person_id)

    @strawberry.mutation(
        description="Order the person's emergency contacts: first listed, first called.",
        permission_classes=[CanWrite],
    )
    async def reorder_emergency_contacts(
        self, info: Info, input: ReorderEmergencyContactsInput
    ) -> Person:
        data, ctx = await prepare(info, Right.WRITE, input, PERSON)
        await relationships.reorder_emergency_contacts(ctx, data)
        return await person_result(info, data["person_id"])

    @strawberry.mutation(
        description="Enrol the person at a school (school-based staff: their own school).",
        permission_classes=[CanAdd],
    )
    async def enrol_person(self, info: Info, input: EnrolInput) -> Person:
        data, ctx = await prepare(info, Right.ADD, input, PERSON, allow_unplaced_people=True)
        caller = await info.context.caller()
        if not caller.district_wide and data["school_id"] not in caller.school_ids:
            raise NotFound("School", data["school_id"])
        await enrollments.enrol_person(ctx, data)
        return await person_result(info, data["person_id"])

    @strawberry.mutation(
        description="End an enrolment on its last day at the school.",
        permission_classes=[CanDelete],
    )
    async def end_enrollment(self, info: Info, input: EndEnrollmentInput) -> Person:
        data, ctx = await prepare(info, Right.DELETE, input, [("Enrollment", "enrolment_id")])
        ended = await enrollments.end_enrolment(ctx, data)
        touched = await _person_of_enrolment(info, ended.id)
        return await person_result(info, touched)

    @strawberry.mutation(
        description="Add a personal phone (e.g. a parent's mobile).",
        permission_classes=[CanAdd],
    )
    async def add_person_phone(self, info: Info, input: AddPhoneInput) -> Person:
        data, ctx = await prepare(info, Right.ADD, input, [("Person", "owner_id")])
        await phones.add_phone(ctx, data)
        return await person_result(info, data["owner_id"])

    @strawberry.mutation(
        description="Order the person's current phones: first listed, first called.",
        permission_classes=[CanWrite],
    )
    async def reprioritize_person_phones(
        self, info: Info, input: ReprioritizePhonesInput
    ) -> Person:
        data, ctx = await prepare(info, Right.WRITE, input, [("Person", "owner_id")])
        await phones.reprioritize_phones(ctx, data)
        return await person_result(info, data["owner_id"])

    @strawberry.mutation(
        description="End one of the person's phones on a date.", permission_classes=[CanDelete]
    )
    async def end_person_phone(self, info: Info, input: EndPhoneInput) -> Person:
        data, ctx = await prepare(info, Right.DELETE, input, [("Person", "owner_id")])
        await phones.end_phone(ctx, data)
        return await person_result(info, data["owner_id"])


async def _person_of_enrolment(info: Info, enrolment_id: str) -> str:
    touched = await what_ids_touch(
        info.context.driver, ids=[enrolment_id], database=info.context.runtime.database
    )
    found = touched.get(enrolment_id)
    if found is None or not found.person_ids:
        raise NotFound("Enrollment", enrolment_id)
    return found.person_ids[0]
