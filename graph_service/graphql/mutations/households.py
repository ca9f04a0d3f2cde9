"""Household mutations: create, edit, split, members, addresses and phones."""

from __future__ import annotations

import strawberry

from graph_service.access.policy import Right
from graph_service.errors import NotFound
from graph_service.graphql.authorization import CanAdd, CanDelete, CanWrite, authorize_targets
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
from graph_service.graphql.mutations.common import household_result, prepare
from graph_service.graphql.types.household import Household
from graph_service.services import addresses, households, memberships, phones

HOUSEHOLD = [("Household", "household_id")]


async def _creation_school(info: Info, school_id: str | None) -> str | None:
    """Where a new household is created: a school-based caller's own school (so that it is
    in their scope until a member enrols); district-wide callers may name any or none."""
    caller = await info.context.caller()
    if caller.district_wide:
        return school_id
    if school_id is None:
        return caller.school_ids[0] if caller.school_ids else None
    if school_id not in caller.school_ids:
        raise NotFound("School", school_id)
    return school_id


@strawberry.type
class HouseholdMutations:
    @strawberry.mutation(
        description="A new household, optionally with its first address, phone and members.",
        permission_classes=[CanAdd],
    )
    async def create_household(self, info: Info, input: CreateHouseholdInput) -> Household:
        data, ctx = await prepare(info, Right.ADD, input, [])
        people = [("Person", member["person_id"]) for member in data.get("members") or []]
        await authorize_targets(
            info, Right.ADD, people, operation="createHousehold", allow_unplaced_people=True
        )
        data["created_at_school_id"] = await _creation_school(
            info, data.get("created_at_school_id")
        )
        created = await households.create_household(ctx, data)
        return await household_result(info, created.id)

    @strawberry.mutation(
        description="Rename the household or change its comments or private flag.",
        permission_classes=[CanWrite],
    )
    async def edit_household(self, info: Info, input: EditHouseholdInput) -> Household:
        data, ctx = await prepare(info, Right.WRITE, input, HOUSEHOLD)
        await households.edit_household(ctx, data)
        return await household_result(info, data["household_id"])

    @strawberry.mutation(
        description="Start a new household for some members on a date, ending their old "
        "memberships. Returns the new household.",
        permission_classes=[CanAdd],
    )
    async def split_household(self, info: Info, input: SplitHouseholdInput) -> Household:
        data, ctx = await prepare(info, Right.ADD, input, HOUSEHOLD)
        created = await households.split_household(ctx, data)
        return await household_result(info, created.id)

    @strawberry.mutation(
        description="Add a person to the household (primary or secondary membership).",
        permission_classes=[CanAdd],
    )
    async def add_member(self, info: Info, input: AddMemberInput) -> Household:
        data, ctx = await prepare(info, Right.ADD, input, HOUSEHOLD)
        await authorize_targets(
            info,
            Right.ADD,
            [("Person", data["person_id"])],
            operation="addMember",
            allow_unplaced_people=True,
        )
        await memberships.add_member(ctx, data)
        return await household_result(info, data["household_id"])

    @strawberry.mutation(
        description="End a person's membership of the household on a date.",
        permission_classes=[CanDelete],
    )
    async def end_membership(self, info: Info, input: EndMembershipInput) -> Household:
        data, ctx = await prepare(info, Right.DELETE, input, HOUSEHOLD)
        await memberships.end_membership(ctx, data)
        return await household_result(info, data["household_id"])

    @strawberry.mutation(
        description="Add an address to the household (reusing a known address).",
        permission_classes=[CanAdd],
    )
    async def add_address(self, info: Info, input: AddAddressInput) -> Household:
        data, ctx = await prepare(info, Right.ADD, input, HOUSEHOLD)
        await addresses.add_address(ctx, data)
        return await household_result(info, data["household_id"])

    @strawberry.mutation(
        description="Move the household: the current physical address ends the day before "
        "`moveDate` and the new one starts that day, in one transaction.",
        permission_classes=[CanWrite],
    )
    async def move_household(self, info: Info, input: MoveHouseholdInput) -> Household:
        data, ctx = await prepare(info, Right.WRITE, input, HOUSEHOLD)
        await addresses.move_household(ctx, data)
        return await household_result(info, data["household_id"])

    @strawberry.mutation(
        description="End one of the household's addresses on a date.",
        permission_classes=[CanDelete],
    )
    async def end_address(self, info: Info, input: EndAddressInput) -> Household:
        data, ctx = await prepare(info, Right.DELETE, input, HOUSEHOLD)
        await addresses.end_address(ctx, data)
        return await household_result(info, data["household_id"])

    @strawberry.mutation(
        description="Add a phone to the household (`ownerId` is the household's id).",
        permission_classes=[CanAdd],
    )
    async def add_household_phone(self, info: Info, input: AddPhoneInput) -> Household:
        data, ctx = await prepare(info, Right.ADD, input, [("Household", "owner_id")])
        await phones.add_phone(ctx, data)
        return await household_result(info, data["owner_id"])

    @strawberry.mutation(
        description="Order the household's current phones: first listed, first called.",
        permission_classes=[CanWrite],
    )
    async def reprioritize_household_phones(
        self, info: Info, input: ReprioritizePhonesInput
    ) -> Household:
        data, ctx = await prepare(info, Right.WRITE, input, [("Household", "owner_id")])
        await phones.reprioritize_phones(ctx, data)
        return await household_result(info, data["owner_id"])

    @strawberry.mutation(
        description="End one of the household's phones on a date.",
        permission_classes=[CanDelete],
    )
    async def end_household_phone(self, info: Info, input: EndPhoneInput) -> Household:
        data, ctx = await prepare(info, Right.DELETE, input, [("Household", "owner_id")])
        await phones.end_phone(ctx, data)
        return await household_result(info, data["owner_id"])
