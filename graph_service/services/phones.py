"""Use cases for the phones of a household or a person: add, reprioritize, end."""

from __future__ import annotations

from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db import phones as phone_data
from graph_service.db.run import Stamp
from graph_service.domain.phones import AddPhoneInput, EndPhoneInput, ReprioritizePhonesInput
from graph_service.domain.spans import holds_on, overlaps
from graph_service.errors import BadInput, NotFound
from graph_service.services.context import UseCaseContext, require_version

OWNER = "Household or person"


async def place_phone(
    tx: AsyncManagedTransaction, stamp: Stamp, request: AddPhoneInput, *, start_date: date
) -> str:
    """Link the (locked) owner to the number from `start_date`. Returns the Phone id."""
    links = [
        link
        for link in await phone_data.owner_phone_links(tx, owner_id=request.owner_id)
        if overlaps(link.start_date, link.end_date, start_date, None)
    ]
    phone = await phone_data.merge_phone(tx, stamp=stamp, phone=request)
    if any(link.phone_id == phone.id for link in links):
        raise BadInput("number", "is already one of this owner's current phones")
    priority = request.priority or max((link.priority for link in links), default=0) + 1
    if any(link.priority == priority for link in links):
        raise BadInput("priority", f"{priority} is already another current phone's priority")
    await phone_data.create_phone_link(
        tx,
        stamp=stamp,
        owner_id=request.owner_id,
        phone_id=phone.id,
        priority=priority,
        private=request.private,
        start_date=start_date,
    )
    return phone.id


async def _locked(tx: AsyncManagedTransaction, stamp: Stamp, owner_id: str, expected: int) -> None:
    seen = await phone_data.lock_phone_owner(tx, stamp=stamp, owner_id=owner_id)
    require_version(OWNER, owner_id, expected, seen)


async def add_phone(ctx: UseCaseContext, request: AddPhoneInput) -> str:
    """Give a household or person a phone (priority: given, else after the others).
    Returns the Phone id (shared by everyone with that number)."""

    async def work(tx: AsyncManagedTransaction) -> str:
        stamp = ctx.stamp()
        await _locked(tx, stamp, request.owner_id, request.expected_version)
        return await place_phone(tx, stamp, request, start_date=request.start_date or ctx.today())

    return await ctx.write(work)


async def reprioritize_phones(ctx: UseCaseContext, request: ReprioritizePhonesInput) -> None:
    """Number the owner's current phones 1, 2, ... in the order given (all of them)."""

    async def work(tx: AsyncManagedTransaction) -> None:
        stamp = ctx.stamp()
        await _locked(tx, stamp, request.owner_id, request.expected_version)
        today = ctx.today()
        current = {
            link.phone_id: link
            for link in await phone_data.owner_phone_links(tx, owner_id=request.owner_id)
            if holds_on(link.start_date, link.end_date, today)
        }
        if set(request.phone_ids) != set(current) or len(request.phone_ids) != len(current):
            raise BadInput("phoneIds", "must list each current phone of the owner exactly once")
        priorities = {current[pid].id: n for n, pid in enumerate(request.phone_ids, start=1)}
        await phone_data.set_phone_priorities(tx, stamp=stamp, priorities=priorities)

    await ctx.write(work)


async def end_phone(ctx: UseCaseContext, request: EndPhoneInput) -> None:
    """End the owner's open link to the phone on `endDate` (its last day)."""

    async def work(tx: AsyncManagedTransaction) -> None:
        stamp = ctx.stamp()
        await _locked(tx, stamp, request.owner_id, request.expected_version)
        links = [
            link
            for link in await phone_data.owner_phone_links(tx, owner_id=request.owner_id)
            if link.phone_id == request.phone_id
        ]
        if not links:
            raise NotFound("Phone", request.phone_id)
        open_ones = [
            link for link in links if link.end_date is None or link.end_date >= request.end_date
        ]
        if not open_ones:
            raise BadInput("phoneId", "this phone has already ended for the owner")
        target = min(open_ones, key=lambda link: link.start_date)
        if request.end_date < target.start_date:
            raise BadInput("endDate", f"is before the phone started on {target.start_date}")
        await phone_data.end_phone_link(
            tx, stamp=stamp, link_id=target.id, end_date=request.end_date
        )

    await ctx.write(work)
