"""What a household mutation answers: the object as it is after the write."""

from __future__ import annotations

from typing import Any

from graph_service.errors import NotFound
from graph_service.graphql.context import Info
from graph_service.graphql.selection import selected_of


async def answer_with(info: Info, kind: str, identifier: str) -> Any:
    """The household or person as it is now, read after the write in one compiled
    statement: the mutation authorized it, so only what it reaches (a member's other
    households, a relative) is checked for scope again."""
    reader = info.context.reader(info.field_name)
    node = await reader.one(kind, identifier, selected_of(info, kind), as_of=None, checked=False)
    if node is None:
        raise NotFound(kind, identifier)
    return node
