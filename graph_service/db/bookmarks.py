"""Causal consistency on a Neo4j cluster through bookmarks.

A bookmark names a committed transaction; a transaction started with it waits until the
server it runs on has applied that one. Every session and query of the service runs with the
`causal_chain` of its driver, which starts each transaction with:

- the process's latest bookmarks (what the driver's default `execute_query` manager keeps), so
  one replica reads what it wrote itself;
- inside a request, the bookmarks the client sent (`extensions.bookmarks`), so a client reads
  what it wrote through another replica, and the bookmarks this request's own transactions
  returned, which the response hands back.

On a single server every bookmark is already applied and this costs a few bytes per call.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from neo4j import AsyncDriver
from neo4j.api import AsyncBookmarkManager

from graph_service.errors import BadInput

FIELD = "extensions.bookmarks"
MAX_BOOKMARKS = 16  # one per database is the norm; a client merging several answers may send more
MAX_BOOKMARK_CHARS = 512  # Neo4j 5's are about 40; room for a cluster's longer ones
_PRINTABLE = re.compile(r"[!-~]+")  # visible ASCII: what the server's encoding produces


class RequestBookmarks:
    """The bookmarks of one request: the client's to begin with, then those its own
    transactions returned (each replaces the ones it started from)."""

    def __init__(self, initial: Collection[str]) -> None:
        self.bookmarks: set[str] = set(initial)

    def returned(self) -> list[str]:
        """What the response hands back for the client's next request."""
        return sorted(self.bookmarks)


_current: ContextVar[RequestBookmarks | None] = ContextVar("request_bookmarks", default=None)


@contextmanager
def request_bookmarks(initial: Collection[str]) -> Iterator[RequestBookmarks]:
    """Run the block as one request: its transactions wait for `initial` and its own."""
    scope = RequestBookmarks(initial)
    token = _current.set(scope)
    try:
        yield scope
    finally:
        _current.reset(token)


class CausalChain(AsyncBookmarkManager):
    """The bookmark manager every session and query of the service passes to the driver."""

    def __init__(self, process: AsyncBookmarkManager) -> None:
        self._process = process

    async def get_bookmarks(self) -> Collection[str]:
        bookmarks = set(await self._process.get_bookmarks())
        scope = _current.get()
        if scope is not None:
            bookmarks |= scope.bookmarks
        return bookmarks

    async def update_bookmarks(
        self, previous_bookmarks: Collection[str], new_bookmarks: Collection[str]
    ) -> None:
        await self._process.update_bookmarks(previous_bookmarks, new_bookmarks)
        scope = _current.get()
        if scope is not None and new_bookmarks:
            scope.bookmarks.difference_update(previous_bookmarks)
            scope.bookmarks.update(new_bookmarks)


def causal_chain(driver: AsyncDriver) -> CausalChain:
    """The chain for sessions (`bookmark_manager=`) and queries (`bookmark_manager_=`) of
    `driver`: its process-wide bookmarks are the driver's own default manager."""
    return CausalChain(driver.execute_query_bookmark_manager)


def parse_bookmarks(value: object) -> frozenset[str]:
    """A client's bookmarks, bounded in count and size. They stay opaque: the server alone
    says whether it issued one (an unknown bookmark fails the request as BAD_USER_INPUT)."""
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise BadInput(FIELD, "must be a list of the bookmark strings a response returned")
    if len(value) > MAX_BOOKMARKS:
        raise BadInput(FIELD, f"at most {MAX_BOOKMARKS} bookmarks; send the latest response's")
    for item in value:
        if len(item) > MAX_BOOKMARK_CHARS or not _PRINTABLE.fullmatch(item):
            raise BadInput(FIELD, "not a bookmark this service returned")
    return frozenset(value)
