"""Merging two person records that are the same human, and undoing it."""

from __future__ import annotations

from datetime import datetime

from pydantic import model_validator

from graph_service.domain.base import GraphModel, InputModel, Version


class MergePersonsInput(InputModel):
    """Keep `survivor_id`; `merged_id` becomes an alias pointing at it."""

    survivor_id: str
    merged_id: str
    survivor_expected_version: Version
    merged_expected_version: Version

    @model_validator(mode="after")
    def _two_records(self) -> MergePersonsInput:
        if self.survivor_id == self.merged_id:
            raise ValueError("a record cannot be merged into itself")
        return self


class UndoMergeInput(InputModel):
    merge_id: str


class PersonMerge(GraphModel):
    """The stored merge record: what moved, what could not, and whether it was undone."""

    id: str
    survivor_id: str
    merged_id: str
    conflicts: list[str]
    created_at: datetime
    created_by: str
    undone_at: datetime | None = None
    undone_by: str | None = None


class MergeReport(GraphModel):
    merge: PersonMerge
    moved: dict[str, int]  # edges re-homed per kind: memberships, relationships, ...
    conflicts: list[str]  # what stayed on the merged record, and why
