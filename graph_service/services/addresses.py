"""Use cases for a household's addresses: add one, move the household, end one."""

from __future__ import annotations

from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db import addresses as address_data
from graph_service.db import households as household_data
from graph_service.db.run import Stamp
from graph_service.domain.addresses import (
    AddAddressInput,
    AddressInput,
    EndAddressInput,
    LocationFlags,
    MoveHouseholdInput,
)
from graph_service.domain.spans import day_before, holds_on, overlaps
from graph_service.errors import BadInput, NotFound
from graph_service.services.context import UseCaseContext, require_version


def _is_primary_physical(location: address_data.StoredLocation | LocationFlags) -> bool:
    return location.physical and not location.secondary


async def place_location(
    tx: AsyncManagedTransaction,
    stamp: Stamp,
    *,
    household_id: str,
    address: AddressInput,
    flags: LocationFlags,
    start_date: date,
) -> str:
    """Locate the (locked) household at the address from `start_date`, reusing the Address
    node for the same normalized place. Returns the Address id."""
    existing = await address_data.household_locations(tx, household_id=household_id)
    stored = await address_data.merge_address(tx, stamp=stamp, address=address)
    for location in existing:
        if not overlaps(location.start_date, location.end_date, start_date, None):
            continue
        if location.address_id == stored.id:
            raise BadInput("address", "the household is already at this address then")
        if _is_primary_physical(flags) and _is_primary_physical(location):
            raise BadInput(
                "address",
                "the household already has a primary physical address then: move the "
                "household, end that address first, or add this one as secondary",
            )
    await address_data.create_location(
        tx,
        stamp=stamp,
        household_id=household_id,
        address_id=stored.id,
        flags=flags,
        start_date=start_date,
    )
    return stored.id


async def _locked(
    tx: AsyncManagedTransaction, stamp: Stamp, household_id: str, expected: int
) -> None:
    seen = await household_data.lock_household(tx, stamp=stamp, household_id=household_id)
    require_version("Household", household_id, expected, seen)


async def add_address(ctx: UseCaseContext, request: AddAddressInput) -> str:
    """Add an address with its flags; returns the Address id (shared with other households
    at the same normalized address)."""

    async def work(tx: AsyncManagedTransaction) -> str:
        stamp = ctx.stamp()
        await _locked(tx, stamp, request.household_id, request.expected_version)
        return await place_location(
            tx,
            stamp,
            household_id=request.household_id,
            address=request.address,
            flags=request,
            start_date=request.start_date,
        )

    return await ctx.write(work)


async def move_household(ctx: UseCaseContext, request: MoveHouseholdInput) -> str:
    """End the current primary physical (and, when the new one is mailing, mailing)
    location the day before `moveDate` and start the new one on it, atomically.
    Returns the new Address id."""

    async def work(tx: AsyncManagedTransaction) -> str:
        stamp = ctx.stamp()
        await _locked(tx, stamp, request.household_id, request.expected_version)
        day = request.move_date
        ending = [
            location
            for location in await address_data.household_locations(
                tx, household_id=request.household_id
            )
            if not location.secondary
            and (location.physical or (request.mailing and location.mailing))
            and overlaps(location.start_date, location.end_date, day, None)
        ]
        if any(location.address_key == request.address.normalized_key() for location in ending):
            raise BadInput("address", "the household already lives at this address")
        for location in ending:
            if location.start_date >= day:
                raise BadInput(
                    "moveDate", f"must be after the current address's start, {location.start_date}"
                )
        await address_data.end_locations(
            tx, stamp=stamp, location_ids=[loc.id for loc in ending], end_date=day_before(day)
        )
        flags = LocationFlags(physical=True, mailing=request.mailing, private=request.private)
        return await place_location(
            tx,
            stamp,
            household_id=request.household_id,
            address=request.address,
            flags=flags,
            start_date=day,
        )

    return await ctx.write(work)


async def end_address(ctx: UseCaseContext, request: EndAddressInput) -> None:
    """End the household's open location at the address on `endDate` (its last day)."""

    async def work(tx: AsyncManagedTransaction) -> None:
        stamp = ctx.stamp()
        await _locked(tx, stamp, request.household_id, request.expected_version)
        locations = [
            loc
            for loc in await address_data.household_locations(tx, household_id=request.household_id)
            if loc.address_id == request.address_id
        ]
        if not locations:
            raise NotFound("Address", request.address_id)
        open_ones = [
            loc
            for loc in locations
            if loc.end_date is None or holds_on(loc.start_date, loc.end_date, request.end_date)
        ]
        if not open_ones:
            raise BadInput("addressId", "the household's time at this address has already ended")
        target = min(open_ones, key=lambda loc: loc.start_date)
        if request.end_date < target.start_date:
            raise BadInput("endDate", f"is before the address started on {target.start_date}")
        await address_data.end_locations(
            tx, stamp=stamp, location_ids=[target.id], end_date=request.end_date
        )

    await ctx.write(work)
