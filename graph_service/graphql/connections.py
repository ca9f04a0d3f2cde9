"""Relay connections over keyset pages, filtered to the caller's scope."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from graph_service.domain.pages import Page
from graph_service.graphql.authorization import guarded_by_parent

T = TypeVar("T")
N = TypeVar("N")
MAX_SCANS = 5  # pages of unscoped results read to fill one scoped page


@guarded_by_parent
@strawberry.type(description="Where a page ends and whether more follow.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")


@guarded_by_parent
@strawberry.type
class Edge(Generic[N]):
    cursor: str
    node: N


@guarded_by_parent
@strawberry.type
class Connection(Generic[N]):
    edges: list[Edge[N]]
    page_info: PageInfo

    @strawberry.field(description="The edges' nodes, for callers that need no cursors.")
    def nodes(self) -> list[N]:
        return [edge.node for edge in self.edges]


async def scoped_page(
    fetch: Callable[[str | None, int], Awaitable[Page[T]]],
    in_scope: Callable[[list[T]], Awaitable[list[T]]],
    *,
    first: int,
    after: str | None,
) -> tuple[list[T], str | None]:
    """Up to `first` in-scope items and the cursor after the last item scanned.

    Out-of-scope results are dropped before they are counted, so neither the page size
    nor `hasNextPage` says anything about what lies outside the caller's scope. A page can
    come back short when most matches are out of scope; the cursor still moves on.
    """
    kept: list[T] = []
    cursor = after
    for _ in range(MAX_SCANS):
        page = await fetch(cursor, first - len(kept))
        kept.extend(await in_scope(page.items))
        cursor = page.next_cursor
        if cursor is None or len(kept) >= first:
            break
    return kept, cursor
