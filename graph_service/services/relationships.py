"""Use cases for relationships: set (create or update the pair), end, reorder contacts."""

from __future__ import annotations

from datetime import date

from neo4j import AsyncManagedTransaction

from graph_service.db import people as people_data
from graph_service.db import relationships as relationship_data
from graph_service.db.run import Stamp
from graph_service.domain.relationships import (
    EndRelationshipInput,
    Relationship,
    ReorderEmergencyContactsInput,
    SetRelationshipInput,
)
from graph_service.domain.spans import holds_on, overlaps
from graph_service.errors import BadInput, NotFound
from graph_service.services.context import UseCaseContext, require_version
from graph_service.services.memberships import require_live_people

# The properties set_relationship writes; identity, audit and version are managed apart.
SETTABLE = {
    "type", "guardian", "mailing", "portal", "messenger", "emergency_priority", "lives_with",
    "contact_restrictions", "private", "comments", "start_date", "end_date",
}  # fmt: skip
# What the edge's start person does for the other; only settable from that side.
ROLES = {"guardian", "mailing", "portal", "messenger", "emergency_priority", "lives_with"}


async def _check_priority_free(
    tx: AsyncManagedTransaction,
    *,
    person_id: str,
    priority: int | None,
    start: date | None,
    end: date | None,
    ignore_id: str | None = None,
) -> None:
    """Emergency priorities of one person's contacts are unique while they overlap."""
    if priority is None:
        return
    for contact in await relationship_data.incoming_emergency_contacts(tx, person_id=person_id):
        if contact.id == ignore_id or contact.emergency_priority != priority:
            continue
        if overlaps(contact.start_date, contact.end_date, start, end):
            raise BadInput(
                "emergencyPriority",
                f"{priority} is already another emergency contact's priority; reorder the "
                "contacts or pick a free number",
            )


async def _create(
    tx: AsyncManagedTransaction, stamp: Stamp, request: SetRelationshipInput, catalogue_type: str
) -> Relationship:
    pair = await relationship_data.pair_relationships(
        tx, person_id=request.person_id, related_person_id=request.related_person_id
    )
    for existing in pair:
        if overlaps(existing.start_date, existing.end_date, request.start_date, request.end_date):
            same = "the same type" if existing.type == request.type else f'"{existing.type}"'
            raise BadInput(
                "relatedPersonId",
                f"these two are already related ({same}) from {existing.start_date}: update "
                "that relationship (with its expectedVersion) or end it first",
            )
    await _check_priority_free(
        tx,
        person_id=request.related_person_id,
        priority=request.emergency_priority,
        start=request.start_date,
        end=request.end_date,
    )
    values = request.model_dump(by_alias=True, include=SETTABLE) | {"type": catalogue_type}
    return await relationship_data.create_relationship(
        tx,
        stamp=stamp,
        from_person_id=request.person_id,
        to_person_id=request.related_person_id,
        values=values,
    )


async def _update(
    tx: AsyncManagedTransaction,
    ctx: UseCaseContext,
    stamp: Stamp,
    request: SetRelationshipInput,
    expected: int,
) -> Relationship:
    pair = await relationship_data.pair_relationships(
        tx, person_id=request.person_id, related_person_id=request.related_person_id
    )
    live = [r for r in pair if r.end_date is None or r.end_date >= ctx.today()]
    if not live and pair:
        raise BadInput(
            "expectedVersion",
            "their relationship has ended and can't be edited; set a new one (no "
            "expectedVersion) starting after it",
        )
    if not live:
        raise NotFound("Relationship", f"{request.person_id} and {request.related_person_id}")
    target = min(live, key=lambda r: r.start_date or date.min)
    locked = await relationship_data.lock_relationship(tx, stamp=stamp, relationship_id=target.id)
    require_version("Relationship", target.id, expected, locked and locked[0])
    for other in pair:
        if other.id != target.id and overlaps(
            other.start_date, other.end_date, request.start_date, request.end_date
        ):
            raise BadInput("startDate", f"would overlap their relationship from {other.start_date}")
    values = request.model_dump(by_alias=True, include=SETTABLE)
    if target.from_person_id != request.person_id:
        # Stated from the other side: the stored edge keeps its direction, so the type turns
        # into its reciprocal and the roles (which belong to the stored side) stay as stored.
        if request.has_roles():
            raise BadInput(
                "personId",
                "the roles (guardian, mailing, portal, messenger, emergency priority, lives "
                f'with) belong to "{target.from_person_id}" in this pair; set them from that side',
            )
        reverse = ctx.catalogue.reverse_of(request.type, stored=target.type)
        kept = target.model_dump(by_alias=True, include=ROLES)
        values = values | kept | {"type": reverse}
    else:
        await _check_priority_free(
            tx,
            person_id=request.related_person_id,
            priority=request.emergency_priority,
            start=request.start_date,
            end=request.end_date,
            ignore_id=target.id,
        )
    return await relationship_data.update_relationship(tx, relationship_id=target.id, values=values)


async def set_relationship(ctx: UseCaseContext, request: SetRelationshipInput) -> Relationship:
    """ "person is related person's type", with roles. Without `expectedVersion` it creates the
    pair (refused when the two are already related then); with it, it updates the pair's
    current edge, from either side (the type becomes its reciprocal from the other side)."""
    catalogue_type = ctx.catalogue.require(request.type)

    async def work(tx: AsyncManagedTransaction) -> Relationship:
        stamp = ctx.stamp()
        await require_live_people(tx, [request.person_id, request.related_person_id], "personId")
        if request.expected_version is None:
            return await _create(tx, stamp, request, catalogue_type)
        return await _update(tx, ctx, stamp, request, request.expected_version)

    return await ctx.write(work)


async def end_relationship(ctx: UseCaseContext, request: EndRelationshipInput) -> Relationship:
    """End the relationship on `endDate` (its last day); an ended one can't be ended again."""

    async def work(tx: AsyncManagedTransaction) -> Relationship:
        stamp = ctx.stamp()
        locked = await relationship_data.lock_relationship(
            tx, stamp=stamp, relationship_id=request.relationship_id
        )
        require_version(
            "Relationship", request.relationship_id, request.expected_version, locked and locked[0]
        )
        assert locked is not None  # require_version raised otherwise
        current = locked[1]
        if current.end_date is not None and current.end_date < request.end_date:
            raise BadInput("endDate", f"the relationship already ended on {current.end_date}")
        if current.start_date is not None and request.end_date < current.start_date:
            raise BadInput("endDate", f"is before the relationship started on {current.start_date}")
        values = current.model_dump(by_alias=True, include=SETTABLE) | {"endDate": request.end_date}
        return await relationship_data.update_relationship(
            tx, relationship_id=current.id, values=values
        )

    return await ctx.write(work)


async def reorder_emergency_contacts(
    ctx: UseCaseContext, request: ReorderEmergencyContactsInput
) -> None:
    """Number the person's current emergency contacts 1, 2, ... in the order given."""

    async def work(tx: AsyncManagedTransaction) -> None:
        stamp = ctx.stamp()
        locked = await people_data.lock_person(tx, stamp=stamp, person_id=request.person_id)
        require_version("Person", request.person_id, request.expected_version, locked and locked[0])
        today = ctx.today()
        current = {
            r.from_person_id: r
            for r in await relationship_data.incoming_emergency_contacts(
                tx, person_id=request.person_id
            )
            if holds_on(r.start_date, r.end_date, today)
        }
        if set(request.contact_person_ids) != set(current):
            raise BadInput(
                "contactPersonIds", "must list each current emergency contact exactly once"
            )
        priorities = {
            current[pid].id: n for n, pid in enumerate(request.contact_person_ids, start=1)
        }
        await relationship_data.set_emergency_priorities(tx, stamp=stamp, priorities=priorities)

    await ctx.write(work)


def relationship_types(ctx: UseCaseContext) -> dict[str, str]:
    """Each relationship type the catalogue allows, with its reciprocal (for pickers)."""
    return {name: ctx.catalogue.reciprocal(name) for name in ctx.catalogue.types}
