"""Household mutations: create, edit, split, members, addresses and phones."""

from __future__ import annotations

import strawberry

from graph_service.access.decision import CallerGrant
from graph_service.access.policy import Right
from graph_service.domain import addresses as address_model
from graph_service.domain import households as household_model
from graph_service.domain import phones as phone_model
from graph_service.errors import NotFound
from graph_service.graphql.context import Info
from graph_service.graphql.inputs import (
    AddAddressInput,
    AddMemberInput,
    AddPhoneInput,
    CreateHouseholdInput,
    EditHouseholdInput,
    EndAddressInput,
    EndMembershipInput,
    EndPhoneInput,
    MoveHouseholdInput,
    ReprioritizePhonesInput,
    SplitHouseholdInput,
)
from graph_service.graphql.mutations.household_write import (
    Write,
    created_household,
    household,
    household_named,
    household_write,
    person,
)
from graph_service.services import addresses, households, memberships, phones


def _creation_school(caller: CallerGrant, school_id: str | None) -> str | None:
    """Where a new household is created: a school-based caller's own school (so that it is
    in their scope until a member enrols); district-wide callers may name any or none."""
    if caller.district_wide:
        return school_id
    if school_id is None:
        return caller.school_ids[0] if caller.school_ids else None
    if school_id not in caller.school_ids:
        raise NotFound("School", school_id)
    return school_id


@strawberry.type
class HouseholdMutations:
    @household_write(
        Right.ADD,
        CreateHouseholdInput,
        targets=[person("members.person_id", may_be_unplaced=True)],
        answer=created_household(),
        description="A new household, optionally with its first address, phone and members.",
    )
    async def create_household(
        info: Info, write: Write[household_model.CreateHouseholdInput]
    ) -> object:
        school_id = _creation_school(write.caller, write.request.created_at_school_id)
        request = write.request.model_copy(update={"created_at_school_id": school_id})
        return await households.create_household(write.ctx, request)

    @household_write(
        Right.WRITE,
        EditHouseholdInput,
        targets=[household("household_id")],
        answer=household_named("household_id"),
        description="Rename the household or change its comments or private flag.",
    )
    async def edit_household(
        info: Info, write: Write[household_model.EditHouseholdInput]
    ) -> object:
        return await households.edit_household(write.ctx, write.request)

    @household_write(
        Right.ADD,
        SplitHouseholdInput,
        targets=[household("household_id")],
        answer=created_household(),
        description="Start a new household for some members on a date, ending their old "
        "memberships. Returns the new household.",
    )
    async def split_household(
        info: Info, write: Write[household_model.SplitHouseholdInput]
    ) -> object:
        return await households.split_household(write.ctx, write.request)

    @household_write(
        Right.ADD,
        AddMemberInput,
        targets=[household("household_id"), person("person_id", may_be_unplaced=True)],
        answer=household_named("household_id"),
        description="Add a person to the household (primary or secondary membership).",
    )
    async def add_member(info: Info, write: Write[household_model.AddMemberInput]) -> object:
        return await memberships.add_member(write.ctx, write.request)

    @household_write(
        Right.DELETE,
        EndMembershipInput,
        targets=[household("household_id")],
        answer=household_named("household_id"),
        description="End a person's membership of the household on a date.",
    )
    async def end_membership(info: Info, write: Write[household_model.EndMembershipInput]) -> None:
        await memberships.end_membership(write.ctx, write.request)

    @household_write(
        Right.ADD,
        AddAddressInput,
        targets=[household("household_id")],
        answer=household_named("household_id"),
        description="Add an address to the household (reusing a known address).",
    )
    async def add_address(info: Info, write: Write[address_model.AddAddressInput]) -> object:
        return await addresses.add_address(write.ctx, write.request)

    @household_write(
        Right.WRITE,
        MoveHouseholdInput,
        targets=[household("household_id")],
        answer=household_named("household_id"),
        description="Move the household: the current physical address ends the day before "
        "`moveDate` and the new one starts that day, in one transaction.",
    )
    async def move_household(info: Info, write: Write[address_model.MoveHouseholdInput]) -> object:
        return await addresses.move_household(write.ctx, write.request)

    @household_write(
        Right.DELETE,
        EndAddressInput,
        targets=[household("household_id")],
        answer=household_named("household_id"),
        description="End one of the household's addresses on a date.",
    )
    async def end_address(info: Info, write: Write[address_model.EndAddressInput]) -> None:
        await addresses.end_address(write.ctx, write.request)

    @household_write(
        Right.ADD,
        AddPhoneInput,
        targets=[household("owner_id")],
        answer=household_named("owner_id"),
        description="Add a phone to the household (`ownerId` is the household's id).",
    )
    async def add_household_phone(info: Info, write: Write[phone_model.AddPhoneInput]) -> object:
        return await phones.add_phone(write.ctx, write.request)

    @household_write(
        Right.WRITE,
        ReprioritizePhonesInput,
        targets=[household("owner_id")],
        answer=household_named("owner_id"),
        description="Order the household's current phones: first listed, first called.",
    )
    async def reprioritize_household_phones(
        info: Info, write: Write[phone_model.ReprioritizePhonesInput]
    ) -> None:
        await phones.reprioritize_phones(write.ctx, write.request)

    @household_write(
        Right.DELETE,
        EndPhoneInput,
        targets=[household("owner_id")],
        answer=household_named("owner_id"),
        description="End one of the household's phones on a date.",
    )
    async def end_household_phone(info: Info, write: Write[phone_model.EndPhoneInput]) -> None:
        await phones.end_phone(write.ctx, write.request)
