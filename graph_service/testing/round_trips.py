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

_DRIVER_LOGGER = "neo4j.io"


@dataclass
class RunCounter(logging.Handler):
    """A logging handler that keeps every RUN message's statement text."""

    ignore: tuple[str, ...] = ()
    ignore_tasks: tuple[str, ...] = ()
    statements: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        logging.Handler.__init__(self, level=logging.DEBUG)

    def emit(self, record: logging.LogRecord) -> None:
        if self.ignore_tasks and _current_task_name() in self.ignore_tasks:
            return
        message = record.getMessage()
        if "C: RUN" in message and not any(word in message for word in self.ignore):
            self.statements.append(message.split("C: RUN", 1)[1].strip()[:200])

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
