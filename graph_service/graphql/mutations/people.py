"""Person mutations: create, edit, merge, relationships, enrolments and personal phones."""

from __future__ import annotations

import strawberry

from graph_service.access.policy import Right
from graph_service.db.scope import what_ids_touch
from graph_service.domain import enrollments as enrollment_model
from graph_service.domain import people as people_model
from graph_service.domain import person_merges as merge_model
from graph_service.domain import phones as phone_model
from graph_service.domain import relationships as relationship_model
from graph_service.errors import NotFound
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
from graph_service.graphql.mutations.household_write import (
    Answer,
    Write,
    created_person,
    enrollment,
    household_write,
    person,
    person_named,
    relationship,
)
from graph_service.services import enrollments, people, person_merges, phones, relationships


async def _person_of_enrolment(info: Info, enrolment_id: str) -> str:
    touched = await what_ids_touch(
        info.context.runtime.driver, ids=[enrolment_id], database=info.context.runtime.database
    )
    found = touched.get(enrolment_id)
    if found is None or not found.person_ids:
        raise NotFound("Enrollment", enrolment_id)
    return found.person_ids[0]


@strawberry.type
class PersonMutations:
    @household_write(
        Right.ADD,
        CreatePersonInput,
        answer=created_person(),
        description="A new person. Refused as a possible duplicate when someone has the same "
        "name and birth date (unless `confirmNotDuplicate` is true) or the same student "
        "number (always); a match the caller may not read is reported without its identity.",
    )
    async def create_person(info: Info, write: Write[people_model.CreatePersonInput]) -> object:
        return await people.create_person(write.ctx, write.request)

    @household_write(
        Right.WRITE,
        EditPersonInput,
        targets=[person("person_id")],
        answer=person_named("person_id"),
        description="Replace the person's names, birth date, gender and identifiers.",
    )
    async def edit_person(info: Info, write: Write[people_model.EditPersonInput]) -> object:
        return await people.edit_person(write.ctx, write.request)

    @household_write(
        Right.DELETE,
        MergePeopleInput,
        # The duplicate is often a record someone created by mistake and never placed.
        targets=[
            person("survivor_id", may_be_unplaced=True),
            person("merged_id", may_be_unplaced=True),
        ],
        answer=person_named("survivor_id"),
        description="Merge two records of the same human into `survivorId` (reversible by "
        "an access administrator). Returns the survivor.",
    )
    async def merge_people(info: Info, write: Write[merge_model.MergePersonsInput]) -> object:
        return await person_merges.merge_persons(write.ctx, write.request)

    @household_write(
        Right.WRITE,
        SetRelationshipInput,
        targets=[
            person("person_id", may_be_unplaced=True),
            person("related_person_id", may_be_unplaced=True),
        ],
        answer=person_named("person_id"),
        description='"personId is relatedPersonId\'s type": creates the pair, or updates it '
        "when `expectedVersion` is given. Returns `personId`'s person.",
    )
    async def set_relationship(
        info: Info, write: Write[relationship_model.SetRelationshipInput]
    ) -> object:
        return await relationships.set_relationship(write.ctx, write.request)

    @household_write(
        Right.DELETE,
        EndRelationshipInput,
        targets=[relationship("relationship_id")],
        answer=Answer("Person", outcome_of=lambda ended: ended.from_person_id),
        description="End a relationship on a date. Returns the person it was stored from.",
    )
    async def end_relationship(
        info: Info, write: Write[relationship_model.EndRelationshipInput]
    ) -> object:
        return await relationships.end_relationship(write.ctx, write.request)

    @household_write(
        Right.WRITE,
        ReorderEmergencyContactsInput,
        targets=[person("person_id")],
        answer=person_named("person_id"),
        description="Order the person's emergency contacts: first listed, first called.",
    )
    async def reorder_emergency_contacts(
        info: Info, write: Write[relationship_model.ReorderEmergencyContactsInput]
    ) -> None:
        await relationships.reorder_emergency_contacts(write.ctx, write.request)

    @household_write(
        Right.ADD,
        EnrolInput,
        targets=[person("person_id", may_be_unplaced=True)],
        answer=person_named("person_id"),
        description="Enrol the person at a school (school-based staff: their own school).",
    )
    async def enrol_person(info: Info, write: Write[enrollment_model.EnrolInput]) -> object:
        school_id = write.request.school_id
        if not write.caller.district_wide and school_id not in write.caller.school_ids:
            raise NotFound("School", school_id)
        return await enrollments.enrol_person(write.ctx, write.request)

    @household_write(
        Right.DELETE,
        EndEnrollmentInput,
        targets=[enrollment("enrolment_id")],
        answer=Answer("Person", via=_person_of_enrolment),
        description="End an enrolment on its last day at the school.",
    )
    async def end_enrollment(
        info: Info, write: Write[enrollment_model.EndEnrolmentInput]
    ) -> object:
        return await enrollments.end_enrolment(write.ctx, write.request)

    @household_write(
        Right.ADD,
        AddPhoneInput,
        targets=[person("owner_id")],
        answer=person_named("owner_id"),
        description="Add a personal phone (e.g. a parent's mobile).",
    )
    async def add_person_phone(info: Info, write: Write[phone_model.AddPhoneInput]) -> object:
        return await phones.add_phone(write.ctx, write.request)

    @household_write(
        Right.WRITE,
        ReprioritizePhonesInput,
        targets=[person("owner_id")],
        answer=person_named("owner_id"),
        description="Order the person's current phones: first listed, first called.",
    )
    async def reprioritize_person_phones(
        info: Info, write: Write[phone_model.ReprioritizePhonesInput]
    ) -> None:
        await phones.reprioritize_phones(write.ctx, write.request)

    @household_write(
        Right.DELETE,
        EndPhoneInput,
        targets=[person("owner_id")],
        answer=person_named("owner_id"),
        description="End one of the person's phones on a date.",
    )
    async def end_person_phone(info: Info, write: Write[phone_model.EndPhoneInput]) -> None:
        await phones.end_phone(write.ctx, write.request)
