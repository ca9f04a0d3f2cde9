"""Relay connections over keyset pages, filtered to the caller's scope."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from graph_service.domain.pages import Page
from graph_service.graphql.authorization import guarded_by_parent

T = TypeVar("T")
N = TypeVar("N")
MAX_READS = 3  # reads to fill one page when the decision drops what the search kept


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

    `fetch` narrows to the caller's scope inside its own query (`SchoolScope`), so one read
    normally fills the page; `in_scope` is the access decision confirming each item. What it
    drops (a change committed between the two reads) is replaced from further on, at most
    MAX_READS reads; the page can then come back short and the cursor still moves on.
    Out-of-scope results never count, so neither the page size nor `hasNextPage` says
    anything about what lies outside the caller's scope.
    """
    kept: list[T] = []
    cursor = after
    for _ in range(MAX_READS):
        page = await fetch(cursor, first - len(kept))
        kept += await in_scope(page.items)
        cursor = page.next_cursor
        if cursor is None or len(kept) >= first:
            break
    return kept, cursor
