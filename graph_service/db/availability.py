"""Whether Neo4j answers, known within a second, so that an outage fails fast.

Left to itself, the driver retries a transaction whose connection broke for up to 30 s (its
`max_transaction_retry_time`), and a database frozen mid-answer holds a request for as
long as the socket stays open: requests hung for a minute in the outage tests of issue 14.
The monitor pings the database twice a second with a short deadline. While a ping fails,
requests are refused at once with SERVICE_UNAVAILABLE and `/readyz` answers 503; when the
database goes away, requests already waiting on it are released with the same answer; the
first ping that succeeds lets requests through again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import AsyncDriver

from graph_service.db.cypher import cypher

log = logging.getLogger(__name__)
T = TypeVar("T")

PING_INTERVAL_SECONDS = 0.5
PING_TIMEOUT_SECONDS = 1.0
# A refused or broken connection is the database gone; a slow answer may be a busy one, so
# it takes two in a row.
SLOW_PINGS_FOR_DOWN = 2
AVAILABILITY_TASK = "neo4j-availability"  # the monitor's task (tests tell its pings apart)


class Unavailable(Exception):
    """Neo4j did not answer; `wrote` says whether the request's write may have committed."""

    def __init__(self, *, wrote: bool) -> None:
        super().__init__("the database is unavailable")
        self.wrote = wrote


@dataclass
class WriteInFlight:
    """Set by a write transaction from the moment the driver may be committing it (see
    UseCaseContext.write), and left set once it committed, so that a request released later
    (while reading its answer, say) never says "nothing was changed" about a write that was
    or may have been applied."""

    committing: bool = False
    committed: bool = False

    @property
    def may_have_written(self) -> bool:
        return self.committing or self.committed


def _retrieve(task: asyncio.Future[Any]) -> None:
    """Consume a released request's outcome, so that its late failure is not reported as an
    exception nobody retrieved."""
    if not task.cancelled():
        task.exception()


# The request's WriteInFlight, set by the HTTP edge before the request's work starts.
write_in_flight: ContextVar[WriteInFlight | None] = ContextVar("write_in_flight", default=None)


@dataclass
class Availability:
    """The database's state as the last ping saw it; `guard` runs work under it."""

    driver: AsyncDriver
    database: str
    up: bool = True
    _went_down: asyncio.Event = field(default_factory=asyncio.Event)
    _task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._watch(), name=AVAILABILITY_TASK)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def guard(self, work: Callable[[], Awaitable[T]], state: WriteInFlight) -> T:
        """`work`, unless the database is down (refused before it starts) or goes down
        while it runs (released at once, its state saying whether a commit was under way)."""
        if not self.up:
            raise Unavailable(wrote=False)
        running = asyncio.ensure_future(work())
        went_down = asyncio.ensure_future(self._went_down.wait())
        try:
            done, _ = await asyncio.wait({running, went_down}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            went_down.cancel()
        if running in done:
            return running.result()
        # Released now: the cancelled work may take its time to unwind (a driver closing a
        # connection to a server that is gone), and this answer does not wait for it.
        running.cancel()
        running.add_done_callback(_retrieve)
        raise Unavailable(wrote=state.may_have_written)

    async def ping(self) -> bool | None:
        """True when the database answered, False when it refused, None when it was slow."""
        try:
            async with asyncio.timeout(PING_TIMEOUT_SECONDS):
                # An auto-commit run, which the driver does not retry: a refused or broken
                # connection answers at once instead of after the driver's backoff.
                async with self.driver.session(database=self.database) as session:
                    result = await session.run(cypher("meta/ping"))
                    await result.consume()
        except TimeoutError:
            return None
        except Exception as error:
            if self.up:
                log.warning("Neo4j is unavailable: %s", error or type(error).__name__)
            return False
        return True

    async def check(self) -> bool:
        """Ping now (for `/readyz` while down: it says ready the moment the database answers
        again, and so do requests, instead of at the next scheduled ping)."""
        # Twice: the first may only clear a pooled connection to the server that went away.
        if await self.ping() is True or await self.ping() is True:
            self._set(answered=True)
        return self.up

    async def _watch(self) -> None:
        slow = 0
        while True:
            result = await self.ping()
            slow = slow + 1 if result is None else 0
            self._set(answered=result is True or (result is None and slow < SLOW_PINGS_FOR_DOWN))
            await asyncio.sleep(PING_INTERVAL_SECONDS)

    def _set(self, *, answered: bool) -> None:
        """Going down releases every waiting request; coming back arms a fresh event for
        the next outage."""
        if answered and not self.up:
            log.warning("Neo4j answers again")
            self._went_down = asyncio.Event()
        elif not answered and self.up:
            self._went_down.set()
        self.up = answered
