"""Relay connections over keyset pages, filtered to the caller's scope."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from graph_service.domain.pages import Page
from graph_service.graphql.authorization import guarded_by_parent

T = TypeVar("T")
N = TypeVar("N")
MAX_SCANS = 5  # scans of unscoped results read to fill one scoped page
SCAN_SIZE = 100


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
    cursor_of: Callable[[T], str],
    *,
    first: int,
    after: str | None,
) -> tuple[list[T], str | None]:
    """Up to `first` in-scope items and the cursor to continue after them.

    Out-of-scope results are dropped before they are counted, so neither the page size
    nor `hasNextPage` says anything about what lies outside the caller's scope. Matches are
    scanned SCAN_SIZE at a time (a school's clerk sees a small share of a district-wide
    search), at most MAX_SCANS times; a page can come back short when most matches are out
    of scope, and the cursor still moves on.
    """
    kept: list[T] = []
    cursor = after
    for _ in range(MAX_SCANS):
        page = await fetch(cursor, SCAN_SIZE)
        visible = await in_scope(page.items)
        room = first - len(kept)
        if len(visible) > room:
            kept += visible[:room]
            return kept, cursor_of(kept[-1])
        kept += visible
        cursor = page.next_cursor
        if cursor is None or len(kept) >= first:
            break
    return kept, cursor
