"""Count the Cypher statements the driver sends (Bolt RUN messages), from its own log.

Used by tests and benchmarks to show that a request's round trips don't grow with its
results. It watches the driver's protocol log, so it counts what really went over the wire.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncDriver

from graph_service.db.availability import AVAILABILITY_TASK
from graph_service.db.cypher import is_explained

_DRIVER_LOGGER = "neo4j.io"


@dataclass
class RunCounter(logging.Handler):
    """A logging handler that keeps every RUN message's statement text."""

    ignore: tuple[str, ...] = ()
    ignore_tasks: tuple[str, ...] = ()
    statements: list[str] = field(default_factory=list)
    # A statement's first limited read in a process is EXPLAINed first (db/read_limit.py):
    # a one-time planning round trip, kept apart from what a request sends every time.
    explained: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        logging.Handler.__init__(self, level=logging.DEBUG)

    def emit(self, record: logging.LogRecord) -> None:
        task = _current_task_name()
        # The availability monitor's pings are the service's, never a request's.
        if task == AVAILABILITY_TASK or task in self.ignore_tasks:
            return
        message = record.getMessage()
        if "C: RUN" in message and not any(word in message for word in self.ignore):
            text = message.split("C: RUN", 1)[1].strip()
            planning = is_explained(text[1:])  # after the text's opening quote
            (self.explained if planning else self.statements).append(text[:200])

    @property
    def count(self) -> int:
        return len(self.statements)

    def __hash__(self) -> int:  # logging keeps handlers in sets
        return id(self)


def _current_task_name() -> str | None:
    try:
        task = asyncio.current_task()
    except RuntimeError:  # no event loop in this thread
        return None
    return task.get_name() if task is not None else None


@contextmanager
def counting_runs(
    *, ignore: tuple[str, ...] = (), ignore_tasks: tuple[str, ...] = ()
) -> Iterator[RunCounter]:
    """Count RUN messages sent while the block runs, skipping statements containing any of
    `ignore` (e.g. the background audit flush), or sent by an asyncio task named in
    `ignore_tasks` (the flush's own task, so that an audit write made by the request itself
    still counts)."""
    logger = logging.getLogger(_DRIVER_LOGGER)
    counter = RunCounter(ignore=ignore, ignore_tasks=ignore_tasks)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)


class CountingDriver:
    """Delegates to a real driver and counts the queries sent, through `execute_query` or an
    auto-committed `session.run` (`db.run.read_rows`); a read that opened a transaction of
    its own in a session fails the test."""

    def __init__(self, driver: AsyncDriver) -> None:
        self.driver = driver
        self.queries = 0

    async def execute_query(self, *args: Any, **kwargs: Any) -> Any:
        self.queries += 1
        return await self.driver.execute_query(*args, **kwargs)

    def session(self, *args: Any, **kwargs: Any) -> _CountingSession:
        return _CountingSession(self, self.driver.session(*args, **kwargs))

    def __getattr__(self, name: str) -> Any:  # the rest (its bookmark manager...) as is
        return getattr(self.driver, name)


class _CountingSession:
    def __init__(self, counter: CountingDriver, session: Any) -> None:
        self.counter = counter
        self.session = session

    async def __aenter__(self) -> _CountingSession:
        await self.session.__aenter__()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.session.__aexit__(*exc)

    async def run(self, *args: Any, **kwargs: Any) -> Any:
        self.counter.queries += 1
        return await self.session.run(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"reads must be one statement each, not session.{name}")
