"""Relay connections over keyset pages (each page one compiled statement, see queries.py)."""

from __future__ import annotations

from typing import Generic, TypeVar

import strawberry

from graph_service.graphql.authorization import guarded_by_parent

T = TypeVar("T")
N = TypeVar("N")


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
