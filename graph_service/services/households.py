"""Use cases for households: create (with first address, phone, members), edit, split."""

from __future__ import annotations

import uuid
from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db import households as household_data
from graph_service.db import memberships as membership_data
from graph_service.db.run import Stamp
from graph_service.domain.households import (
    CreateHouseholdInput,
    EditHouseholdInput,
    FirstAddress,
    Household,
    HouseholdFields,
    SplitHouseholdInput,
)
from graph_service.domain.phones import AddPhoneInput
from graph_service.domain.spans import day_before
from graph_service.errors import BadInput, NotFound
from graph_service.services.addresses import place_location
from graph_service.services.context import UseCaseContext, require_version
from graph_service.services.memberships import current_member_ids, place_member
from graph_service.services.phones import place_phone


async def _new_household(
    tx: AsyncManagedTransaction,
    stamp: Stamp,
    fields: HouseholdFields,
    *,
    school_id: str | None,
    address: FirstAddress | None,
    start_date: date,
) -> Household:
    household, school_found = await household_data.create_household(
        tx,
        stamp=stamp,
        household_id=str(uuid.uuid4()),
        fields=fields,
        created_at_school_id=school_id,
    )
    if school_id is not None and not school_found:
        raise NotFound("School", school_id)
    if address is not None:
        await place_location(
            tx, stamp, household_id=household.id, address=address.address, flags=address,
            start_date=start_date,
        )  # fmt: skip
    return household


async def create_household(ctx: UseCaseContext, request: CreateHouseholdInput) -> Household:
    """A new household, with its first address, phone and members from `startDate`, all
    in one transaction: any refused part leaves nothing behind."""

    async def work(tx: AsyncManagedTransaction) -> Household:
        stamp = ctx.stamp()
        household = await _new_household(
            tx,
            stamp,
            request,
            school_id=request.created_at_school_id,
            address=request.address,
            start_date=request.start_date,
        )
        if request.phone is not None:
            phone = AddPhoneInput.model_validate(
                {**request.phone.model_dump(), "owner_id": household.id, "expected_version": 1}
            )
            await place_phone(tx, stamp, phone, start_date=request.start_date)
        for member in request.members:
            await place_member(
                tx,
                stamp,
                household_id=household.id,
                person_id=member.person_id,
                start_date=request.start_date,
                secondary=member.secondary,
                private=member.private,
            )
        return household

    return await ctx.write(work)


async def edit_household(ctx: UseCaseContext, request: EditHouseholdInput) -> Household:
    """Rename the household, change its comments or private flag."""

    async def work(tx: AsyncManagedTransaction) -> Household:
        seen = await household_data.lock_household(
            tx, stamp=ctx.stamp(), household_id=request.household_id
        )
        require_version("Household", request.household_id, request.expected_version, seen)
        return await household_data.edit_household(
            tx, household_id=request.household_id, fields=request
        )

    return await ctx.write(work)


async def split_household(ctx: UseCaseContext, request: SplitHouseholdInput) -> Household:
    """Start a new household on `splitDate` for some current members; their memberships of
    the old household end the day before. Returns the new household."""

    async def work(tx: AsyncManagedTransaction) -> Household:
        stamp = ctx.stamp()
        seen = await household_data.lock_household(
            tx, stamp=stamp, household_id=request.household_id
        )
        require_version("Household", request.household_id, request.expected_version, seen)
        leaving: list[tuple[str, membership_data.StoredMembership]] = []
        for person_id in request.person_ids:
            memberships = await membership_data.person_memberships(tx, person_id=person_id)
            current = current_member_ids(memberships, request.household_id, request.split_date)
            if not current:
                raise BadInput("personIds", f'"{person_id}" is not a member on the split date')
            membership = next(m for m in memberships if m.id in current)
            if membership.start_date >= request.split_date:
                raise BadInput("splitDate", "must be after the person joined the household")
            leaving.append((person_id, membership))
        await membership_data.end_memberships(
            tx,
            stamp=stamp,
            membership_ids=[m.id for _, m in leaving],
            end_date=day_before(request.split_date),
        )
        household = await _new_household(
            tx,
            stamp,
            request.new_household,
            school_id=None,
            address=request.address,
            start_date=request.split_date,
        )
        for person_id, membership in leaving:
            await place_member(
                tx,
                stamp,
                household_id=household.id,
                person_id=person_id,
                start_date=request.split_date,
                secondary=membership.secondary,
            )
        return household

    return await ctx.write(work)
