"""Merging two person records of one human (and undoing it, for an administrator)."""

from __future__ import annotations

import uuid
from typing import Any

from neo4j import AsyncManagedTransaction

from graph_service.db import enrollments as enrolment_data
from graph_service.db import memberships as membership_data
from graph_service.db import people as people_data
from graph_service.db import person_merges as merge_data
from graph_service.db import phones as phone_data
from graph_service.db.run import Stamp
from graph_service.domain.person_merges import (
    MergePersonsInput,
    MergeReport,
    PersonMerge,
    UndoMergeInput,
)
from graph_service.domain.spans import overlaps
from graph_service.errors import BadInput, NotFound
from graph_service.services.context import UseCaseContext, require_version

Plan = dict[str, list[str]]


async def _lock_live(
    tx: AsyncManagedTransaction, stamp: Stamp, person_id: str, expected: int, field: str
) -> None:
    locked = await people_data.lock_person(tx, stamp=stamp, person_id=person_id)
    require_version("Person", person_id, expected, locked and locked[0])
    if locked is not None and locked[1] is not None:
        raise BadInput(field, f'was already merged into "{locked[1]}"')


async def _plan_memberships(
    tx: AsyncManagedTransaction, request: MergePersonsInput, plan: Plan, conflicts: list[str]
) -> None:
    survivor = await membership_data.person_memberships(tx, person_id=request.survivor_id)
    for m in await membership_data.person_memberships(tx, person_id=request.merged_id):
        span = (m.start_date, m.end_date)
        if any(s.household_id == m.household_id and overlaps(s.start_date, s.end_date, *span)
               for s in survivor):  # fmt: skip
            conflicts.append(
                f"membership of household {m.household_id} from {m.start_date}: the survivor "
                "was a member then too"
            )
        elif not m.secondary and any(
            not s.secondary and overlaps(s.start_date, s.end_date, *span) for s in survivor
        ):
            conflicts.append(
                f"primary membership of household {m.household_id} from {m.start_date}: the "
                "survivor had another primary household then"
            )
        else:
            plan["memberships"].append(m.id)


async def _plan_phones_and_enrolments(
    tx: AsyncManagedTransaction, request: MergePersonsInput, plan: Plan, conflicts: list[str]
) -> None:
    survivor_phones = await phone_data.owner_phone_links(tx, owner_id=request.survivor_id)
    for link in await phone_data.owner_phone_links(tx, owner_id=request.merged_id):
        if any(s.phone_id == link.phone_id and overlaps(s.start_date, s.end_date,
               link.start_date, link.end_date) for s in survivor_phones):  # fmt: skip
            conflicts.append(f"phone {link.phone_id}: the survivor already has it")
        else:
            plan["phone_links"].append(link.id)
    survivor_schools = await enrolment_data.person_enrolments(tx, person_id=request.survivor_id)
    for e in await enrolment_data.person_enrolments(tx, person_id=request.merged_id):
        if any(s.school.id == e.school.id and overlaps(s.start_date, s.end_date,
               e.start_date, e.end_date) for s in survivor_schools):  # fmt: skip
            conflicts.append(f"enrolment at school {e.school.id} from {e.start_date}: overlaps")
        else:
            plan["enrolments"].append(e.id)


async def _plan_relationships(
    tx: AsyncManagedTransaction, request: MergePersonsInput, plan: Plan, conflicts: list[str]
) -> None:
    survivor = await merge_data.person_relationships(tx, person_id=request.survivor_id)

    def other_of(r: Any, me: str) -> str:
        return str(r.to_person_id if r.from_person_id == me else r.from_person_id)

    for r in await merge_data.person_relationships(tx, person_id=request.merged_id):
        other = other_of(r, request.merged_id)
        incoming = r.to_person_id == request.merged_id
        clash = [
            s
            for s in survivor
            if overlaps(s.start_date, s.end_date, r.start_date, r.end_date)
            and (
                other_of(s, request.survivor_id) == other
                or (
                    incoming
                    and r.emergency_priority is not None
                    and s.to_person_id == request.survivor_id
                    and s.emergency_priority == r.emergency_priority
                )
            )
        ]
        if other == request.survivor_id:
            conflicts.append(f'relationship "{r.type}" between the two records themselves')
        elif clash:
            conflicts.append(
                f'relationship "{r.type}" with person {other}: the survivor already has one '
                "with them (or that emergency priority) then"
            )
        else:
            plan["incoming_relationships" if incoming else "outgoing_relationships"].append(r.id)


async def merge_persons(ctx: UseCaseContext, request: MergePersonsInput) -> MergeReport:
    """Move memberships, relationships, phones and enrolments of `mergedId` to
    `survivorId` in one transaction. What would clash with the survivor's own records stays
    on the merged record and is reported. The merged record is kept, marked `Merged`, with
    `(merged)-[:MERGED_INTO]->(survivor)`, and a PersonMerge record allows an undo."""

    async def work(tx: AsyncManagedTransaction) -> MergeReport:
        stamp = ctx.stamp()
        await _lock_live(tx, stamp, request.survivor_id, request.survivor_expected_version,
                         "survivorId")  # fmt: skip
        await _lock_live(tx, stamp, request.merged_id, request.merged_expected_version,
                         "mergedId")  # fmt: skip
        plan: Plan = {kind: [] for kind in merge_data.EDGE_KINDS}
        conflicts: list[str] = []
        await _plan_memberships(tx, request, plan, conflicts)
        await _plan_phones_and_enrolments(tx, request, plan, conflicts)
        await _plan_relationships(tx, request, plan, conflicts)
        merge_id = str(uuid.uuid4())
        moved = {}
        for kind, edge_ids in plan.items():
            moved[kind] = await merge_data.move_edges(
                tx, stamp=stamp, kind=kind, edge_ids=edge_ids, merge_id=merge_id,
                merged_id=request.merged_id, survivor_id=request.survivor_id,
            )  # fmt: skip
        await _renumber_phones(tx, stamp, request.survivor_id)
        merge = await merge_data.mark_person_merged(
            tx, stamp=stamp, merge_id=merge_id, merged_id=request.merged_id,
            survivor_id=request.survivor_id, conflicts=conflicts,
        )  # fmt: skip
        return MergeReport(merge=merge, moved=moved, conflicts=conflicts)

    return await ctx.write(work)


async def _renumber_phones(tx: AsyncManagedTransaction, stamp: Stamp, owner_id: str) -> None:
    """Moved phones may repeat a priority: number the open ones 1.. in their old order."""
    links = [
        link
        for link in await phone_data.owner_phone_links(tx, owner_id=owner_id)
        if link.end_date is None
    ]
    ordered = sorted(links, key=lambda link: (link.priority, link.start_date, link.id))
    await phone_data.set_phone_priorities(
        tx, stamp=stamp, priorities={link.id: n for n, link in enumerate(ordered, start=1)}
    )


async def undo_person_merge(ctx: UseCaseContext, request: UndoMergeInput) -> PersonMerge:
    """Move back every edge the merge re-homed, give the merged record back its identifiers
    and clear its alias marks. (An administrator's operation: the caller checks the role.)"""

    async def work(tx: AsyncManagedTransaction) -> PersonMerge:
        stamp = ctx.stamp()
        merge = await merge_data.get_person_merge(tx, merge_id=request.merge_id)
        if merge is None:
            raise NotFound("PersonMerge", request.merge_id)
        if merge.undone_at is not None:
            raise BadInput("mergeId", f"this merge was already undone at {merge.undone_at}")
        for kind in merge_data.EDGE_KINDS:
            await merge_data.return_edges(
                tx, stamp=stamp, kind=kind, merge_id=merge.id, merged_id=merge.merged_id,
                survivor_id=merge.survivor_id,
            )  # fmt: skip
        return await merge_data.unmark_person_merged(tx, stamp=stamp, merge_id=merge.id)

    return await ctx.write(work)


async def person_merges_of(ctx: UseCaseContext, person_id: str) -> list[PersonMerge]:
    """The merges a person took part in, newest first: where an administrator finds the
    merge to undo. One round trip."""
    return await merge_data.person_merges_of(ctx.driver, person_id=person_id, database=ctx.database)
