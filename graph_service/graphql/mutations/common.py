"""What a household mutation answers: the object as it is after the write."""

from __future__ import annotations

from typing import Any

from graph_service.errors import NotFound
from graph_service.graphql.context import Info
from graph_service.graphql.selection import selected_of
from graph_service.graphql.types.household import Household
from graph_service.graphql.types.person import Person


async def household_result(info: Info, household_id: str) -> Household:
    """The household as it is now, read after the write in one compiled statement: the
    mutation authorized it, so only what it reaches (a member's other households, a
    relative) is checked for scope again."""
    return await _result(info, "Household", household_id)  # type: ignore[no-any-return]


async def person_result(info: Info, person_id: str) -> Person:
    return await _result(info, "Person", person_id)  # type: ignore[no-any-return]


async def _result(info: Info, kind: str, identifier: str) -> Any:
    reader = info.context.reader(info.field_name)
    node = await reader.one(kind, identifier, selected_of(info, kind), as_of=None, checked=False)
    if node is None:
        raise NotFound(kind, identifier)
    return node
