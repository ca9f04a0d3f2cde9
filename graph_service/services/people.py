"""Use cases for people: create (after a duplicate check) and edit."""

from __future__ import annotations

import uuid

from neo4j import AsyncManagedTransaction

from graph_service.db import people as people_data
from graph_service.domain.people import (
    CreatePersonInput,
    DuplicateCandidate,
    EditPersonInput,
    Person,
)
from graph_service.errors import BadInput, Conflict
from graph_service.services.context import UseCaseContext, require_version


class PossibleDuplicates(Conflict):
    """Records that may be the same human; resend with `confirmNotDuplicate` if not."""

    def __init__(self, candidates: list[DuplicateCandidate]) -> None:
        names = "; ".join(
            f"{c.person.first_name} {c.person.last_name} ({c.reason}, id {c.person.id})"
            for c in candidates
        )
        super().__init__(
            f"this may be someone already recorded: {names}. Open that record, or confirm "
            "this is a different person (confirmNotDuplicate).",
            field="confirmNotDuplicate",
        )
        self.candidates = candidates


async def create_person(ctx: UseCaseContext, request: CreatePersonInput) -> Person:
    """A new person. Refused with PossibleDuplicates when someone with the same normalized
    name and birth date, or the same student number, exists and the caller did not confirm."""

    async def work(tx: AsyncManagedTransaction) -> Person:
        candidates = await people_data.find_duplicate_candidates(tx, fields=request)
        # A shared student number can't be confirmed away: it is unique by constraint.
        if candidates and (
            not request.confirm_not_duplicate
            or any(c.reason == "student number" for c in candidates)
        ):
            raise PossibleDuplicates(candidates)
        return await people_data.create_person(
            tx, stamp=ctx.stamp(), person_id=str(uuid.uuid4()), fields=request
        )

    return await ctx.write(work)


async def edit_person(ctx: UseCaseContext, request: EditPersonInput) -> Person:
    """Replace the person's names, birth date, gender and identifiers."""

    async def work(tx: AsyncManagedTransaction) -> Person:
        locked = await people_data.lock_person(tx, stamp=ctx.stamp(), person_id=request.person_id)
        require_version("Person", request.person_id, request.expected_version, locked and locked[0])
        if locked is not None and locked[1] is not None:
            raise BadInput("personId", f'was merged into "{locked[1]}"; edit that record')
        return await people_data.edit_person(tx, person_id=request.person_id, fields=request)

    return await ctx.write(work)
