"""Use cases for people: create (after a duplicate check) and edit."""

from __future__ import annotations

import uuid

from neo4j import AsyncManagedTransaction

from graph_service.db import people as people_data
from graph_service.domain.people import (
    STUDENT_NUMBER,
    CreatePersonInput,
    DuplicateCheck,
    EditPersonInput,
    IdentityKey,
    Person,
)
from graph_service.errors import BadInput, Conflict
from graph_service.services.context import UseCaseContext, require_version


class PossibleDuplicates(Conflict):
    """Records that may be the same human. Those the caller may read are named (and kept in
    `candidates`); of the others the caller learns only that one exists and why it matched,
    never who, nor how many. A student number can't be confirmed away (it names one person);
    a name and birth date can, with `confirmNotDuplicate`."""

    def __init__(self, check: DuplicateCheck) -> None:
        found = [f"a record you cannot see matches this {r}" for r in check.hidden_reasons]
        if check.candidates:
            named = "; ".join(
                f"{c.person.first_name} {c.person.last_name} ({c.reason}, id {c.person.id})"
                for c in check.candidates
            )
            found.insert(0, f"this may be someone already recorded: {named}")
        super().__init__(
            f"{'; '.join(found)}. {_what_to_do(check)}",
            field="studentNumber" if STUDENT_NUMBER in check.reasons else "confirmNotDuplicate",
        )
        self.candidates = check.candidates


def _what_to_do(check: DuplicateCheck) -> str:
    if STUDENT_NUMBER in check.hidden_reasons:
        return (
            "Ask a district data steward to check it before creating a new record: a student "
            "number names one person, so it can't be confirmed away."
        )
    if STUDENT_NUMBER in check.reasons:
        return "Open that record: a student number names one person, so it can't be confirmed away."
    if check.hidden_reasons:
        return (
            "Ask a district data steward to check it, or confirm this is a different person "
            "(confirmNotDuplicate)."
        )
    return "Open that record, or confirm this is a different person (confirmNotDuplicate)."


async def create_person(ctx: UseCaseContext, request: CreatePersonInput) -> Person:
    """A new person. Refused with PossibleDuplicates when someone with the same normalized
    name and birth date, or the same student number, exists and the caller did not confirm
    (or it is the student number). The check holds the identity key's lock to commit, so
    concurrent creates of one person are checked one after the other."""
    key = IdentityKey.of(request)

    async def work(tx: AsyncManagedTransaction) -> Person:
        await people_data.lock_identity_keys(tx, key=key)
        check = await people_data.find_duplicate_candidates(
            tx, key=key, employee_id=ctx.actor_id, now=ctx.clock.now(), as_of=ctx.today()
        )
        if check.found and (not request.confirm_not_duplicate or STUDENT_NUMBER in check.reasons):
            raise PossibleDuplicates(check)
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
