"""Use cases for memberships: add a member, end a membership, move a person."""

from __future__ import annotations

from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db import households as household_data
from graph_service.db import memberships as membership_data
from graph_service.db.people import lock_people
from graph_service.db.run import Stamp
from graph_service.domain.base import check_date_order
from graph_service.domain.households import AddMemberInput, EndMembershipInput
from graph_service.domain.spans import day_before, holds_on, overlaps
from graph_service.errors import BadInput, NotFound
from graph_service.services.context import UseCaseContext, require_version


async def require_live_people(
    tx: AsyncManagedTransaction, person_ids: list[str], field: str
) -> None:
    """Lock the people for the rest of the transaction (their rules are checked next);
    NotFound for a missing person, BadInput for a record merged into another."""
    found = await lock_people(tx, person_ids=person_ids)
    for person_id in person_ids:
        status = found.get(person_id)
        if status is None:
            raise NotFound("Person", person_id)
        if status.merged_into_id is not None:
            raise BadInput(
                field, f'person "{person_id}" was merged into "{status.merged_into_id}"; use that'
            )


async def place_member(
    tx: AsyncManagedTransaction,
    stamp: Stamp,
    *,
    household_id: str,
    person_id: str,
    start_date: date,
    end_date: date | None = None,
    secondary: bool = False,
    private: bool = False,
    end_other_primary: bool = False,
) -> str:
    """Add the MEMBER_OF edge under the membership rules (the household is already locked).
    Returns the new edge's id."""
    await require_live_people(tx, [person_id], "personId")
    existing = await membership_data.person_memberships(tx, person_id=person_id)
    for m in existing:
        if m.household_id == household_id and overlaps(
            m.start_date, m.end_date, start_date, end_date
        ):
            raise BadInput("personId", f"is already a member of this household from {m.start_date}")
    clashing = [
        m
        for m in existing
        if not m.secondary and overlaps(m.start_date, m.end_date, start_date, end_date)
    ]
    if clashing and not secondary:
        if not end_other_primary:
            raise BadInput(
                "personId",
                f"already has a primary household on {max(start_date, clashing[0].start_date)}: "
                "end that membership, add this one as secondary, or move the person",
            )
        await _end_for_move(tx, stamp, clashing, start_date)
    return await membership_data.create_membership(
        tx,
        stamp=stamp,
        person_id=person_id,
        household_id=household_id,
        start_date=start_date,
        end_date=end_date,
        secondary=secondary,
        private=private,
    )


async def _end_for_move(
    tx: AsyncManagedTransaction,
    stamp: Stamp,
    clashing: list[membership_data.StoredMembership],
    move_date: date,
) -> None:
    """A move ends the old primary membership the day before the new one starts."""
    for m in clashing:
        if m.start_date >= move_date:
            raise BadInput(
                "startDate",
                f"the person's primary membership elsewhere starts on {m.start_date}; "
                "a move must start after it",
            )
    for m in clashing:
        await household_data.lock_household(tx, stamp=stamp, household_id=m.household_id)
    await membership_data.end_memberships(
        tx, stamp=stamp, membership_ids=[m.id for m in clashing], end_date=day_before(move_date)
    )


async def add_member(ctx: UseCaseContext, request: AddMemberInput) -> str:
    """Add a person to a household (primary or secondary); returns the membership id.
    A second primary membership is refused unless `endOtherPrimary` (a move) is set."""

    async def work(tx: AsyncManagedTransaction) -> str:
        stamp = ctx.stamp()
        seen = await household_data.lock_household(
            tx, stamp=stamp, household_id=request.household_id
        )
        require_version("Household", request.household_id, request.expected_version, seen)
        return await place_member(
            tx,
            stamp,
            household_id=request.household_id,
            person_id=request.person_id,
            start_date=request.start_date,
            end_date=request.end_date,
            secondary=request.secondary,
            private=request.private,
            end_other_primary=request.end_other_primary,
        )

    return await ctx.write(work)


async def move_person(ctx: UseCaseContext, request: AddMemberInput) -> str:
    """Make `household` the person's primary household from `startDate`, ending the old
    primary membership the day before (same transaction)."""
    moved = request.model_copy(update={"end_other_primary": True, "secondary": False})
    return await add_member(ctx, moved)


async def end_membership(ctx: UseCaseContext, request: EndMembershipInput) -> None:
    """End the person's open membership of the household on `endDate` (inclusive)."""

    async def work(tx: AsyncManagedTransaction) -> None:
        stamp = ctx.stamp()
        seen = await household_data.lock_household(
            tx, stamp=stamp, household_id=request.household_id
        )
        require_version("Household", request.household_id, request.expected_version, seen)
        memberships = await membership_data.person_memberships(tx, person_id=request.person_id)
        here = [m for m in memberships if m.household_id == request.household_id]
        open_ones = [m for m in here if m.end_date is None or m.end_date >= request.end_date]
        if not open_ones:
            if here:
                raise BadInput("endDate", "the membership has already ended; nothing to end")
            raise NotFound("Membership", f"{request.person_id} in {request.household_id}")
        target = min(open_ones, key=lambda m: m.start_date)
        check_date_order(target.start_date, request.end_date)
        await membership_data.end_memberships(
            tx, stamp=stamp, membership_ids=[target.id], end_date=request.end_date
        )

    await ctx.write(work)


def current_member_ids(
    memberships: list[membership_data.StoredMembership], household_id: str, day: date
) -> set[str]:
    """Ids of the memberships of `household_id` holding on `day`."""
    return {
        m.id
        for m in memberships
        if m.household_id == household_id and holds_on(m.start_date, m.end_date, day)
    }
