"""Undoing a person merge: an access administrator's operation (IC keeps merges reversible)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from graph_service.db import audit
from graph_service.domain import person_merges as person_merge_model
from graph_service.domain.base import validated
from graph_service.domain.person_merges import PersonMerge
from graph_service.graphql.authorization import AccessAdministrator, guarded_by_parent
from graph_service.graphql.context import Info
from graph_service.graphql.ids import input_data, raw_id, to_global_id
from graph_service.graphql.inputs import UndoMergeInput
from graph_service.services import person_merges
from graph_service.services.context import UseCaseContext


@guarded_by_parent
@strawberry.type(description="A merge of two person records, kept so it can be undone.")
class PersonMergeRecord:
    id: str
    survivor_id: strawberry.ID
    merged_id: strawberry.ID
    conflicts: list[str] = strawberry.field(description="What stayed on the merged record.")
    created_at: datetime
    created_by: str
    undone_at: datetime | None

    @classmethod
    def from_model(cls, merge: PersonMerge) -> PersonMergeRecord:
        return cls(
            id=merge.id,
            survivor_id=strawberry.ID(to_global_id("Person", merge.survivor_id)),
            merged_id=strawberry.ID(to_global_id("Person", merge.merged_id)),
            conflicts=merge.conflicts,
            created_at=merge.created_at,
            created_by=merge.created_by,
            undone_at=merge.undone_at,
        )


@strawberry.type
class MergeQueries:
    @strawberry.field(
        description="The merges a person took part in, newest first (access administrators).",
        permission_classes=[AccessAdministrator],
    )
    async def person_merges(self, info: Info, person_id: strawberry.ID) -> list[PersonMergeRecord]:
        found = await person_merges.person_merges_of(_admin_context(info), raw_id(person_id))
        context = info.context
        # A person's merge history is about their records: audited like any other read.
        context.read_audit.record(
            employee_id=context.require_principal().employee_id,
            operation=info.field_name,
            object_ids=list(dict.fromkeys(i for m in found for i in (m.survivor_id, m.merged_id))),
            allowed=True,
            policy_version=context.runtime.policy.version,
            reason="access administrator's view of merges",
        )
        return [PersonMergeRecord.from_model(merge) for merge in found]


@strawberry.type
class MergeMutations:
    @strawberry.mutation(
        description="Undo a person merge: every re-homed edge goes back (access administrators).",
        permission_classes=[AccessAdministrator],
    )
    async def undo_person_merge(self, info: Info, input: UndoMergeInput) -> PersonMergeRecord:
        runtime = info.context.runtime
        request = validated(
            person_merge_model.UndoMergeInput, input_data(input), today=runtime.today()
        )
        principal = info.context.require_principal()
        entry = audit.audit_entry(
            "person.merge.undo",
            at=runtime.now(),
            actor=principal.employee_id,
            mergeId=request.merge_id,
        )
        undone = await person_merges.undo_person_merge(_admin_context(info, [entry]), request)
        return PersonMergeRecord.from_model(undone)


def _admin_context(info: Info, entries: list[dict[str, Any]] | None = None) -> UseCaseContext:
    """Acting as the administrator; `entries` are audited in the use case's transaction."""
    return info.context.gate().use_case(audit=entries)
