"""How long one read may hold Neo4j: the service's reads run with a transaction timeout, so
a search too broad to page through (a clerk's address search for "1" read 5.3 million
database hits, 2.3 s, at a million households) is stopped by the database instead of
holding a core for as long as it likes, and the caller is told to ask for less.

The limit belongs to the driver the service builds (`create_driver(reads_limited=True)`,
from GRAPH_SERVICE_READ_TIMEOUT_SECONDS) and applies to its reads through db.run.read_rows:
pages, searches and views, and the access checks' point reads. The CLI, scripts and loads
(whose counts at a million households take seconds) build their drivers without one. Writes
and managed reads (Runtime.read: `myAccess`, access history) run without it: each is bounded
by its keys, and a write stopped halfway would be the feeds' problem to retry.

Neo4j counts a statement's planning inside its transaction's time, and a transaction it
stops while planning leaves no plan behind: on a just-started server (a cold JVM plans the
largest compiled reads in 1-6 s, docs/operations.md) a read would be stopped at every try.
So a statement's first run in a process since the database (re)started is preceded by an
EXPLAIN without the limit, which plans and caches it; only the run itself is limited. Neo4j
may still plan it again inside the limit (a plan dropped from its cache, statistics that
moved, another server of a cluster): a read stopped so is EXPLAINed, and run once more only
when that planning took a share of the limit, so a read too long by itself is not run twice.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from neo4j import AsyncDriver
from neo4j.exceptions import Neo4jError

from graph_service.errors import ReadTooLong

# Neo4j's codes for a transaction it stopped at its timeout: the one the client asked for,
# and the server's own `db.transaction.timeout`.
TIMED_OUT = frozenset({
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.ClientError.Transaction.TransactionTimedOut",
})  # fmt: skip

_limits: WeakKeyDictionary[AsyncDriver, float] = WeakKeyDictionary()
# The hashes of statements planned (EXPLAINed) since the database last came back, per
# driver; bounded, as compiled reads differ by selection: one forgotten is only EXPLAINed
# again, which is cheap while Neo4j still caches its plan.
_planned: WeakKeyDictionary[AsyncDriver, OrderedDict[int, None]] = WeakKeyDictionary()
PLANNED_REMEMBERED = 4096
# A stopped read whose EXPLAIN then took more than this share of the limit (and at least
# the floor) was stopped while Neo4j planned it, and is run once more; an EXPLAIN of a cached
# plan takes milliseconds (12-25 ms seen through a loaded test server).
PLANNING_SHARE_FOR_A_RETRY = 0.1
PLANNING_FLOOR_FOR_A_RETRY_SECONDS = 0.1


def limit_reads(driver: AsyncDriver, seconds: float) -> None:
    """Every read through `driver` with db.run.read_rows stops after `seconds`."""
    _limits[driver] = seconds


def read_limit(driver: AsyncDriver) -> float | None:
    """The transaction timeout of `driver`'s reads, or None for none."""
    return _limits.get(driver)


def needs_planning(driver: AsyncDriver, statement: str) -> bool:
    """Whether `statement` should be EXPLAINed, unlimited, before its limited run."""
    planned = _planned.setdefault(driver, OrderedDict())
    key = hash(statement)  # a statement's text can be tens of kilobytes; its hash is cached
    if key in planned:
        planned.move_to_end(key)
        return False
    return True


def was_planned(driver: AsyncDriver, statement: str) -> None:
    planned = _planned.setdefault(driver, OrderedDict())
    planned[hash(statement)] = None
    while len(planned) > PLANNED_REMEMBERED:
        planned.popitem(last=False)


def stopped_while_planned(limit: float, planning_seconds: float) -> bool:
    """Whether a read stopped at `limit` was stopped while Neo4j planned it: its EXPLAIN,
    made right after, took `planning_seconds`."""
    return planning_seconds > max(
        limit * PLANNING_SHARE_FOR_A_RETRY, PLANNING_FLOOR_FOR_A_RETRY_SECONDS
    )


def forget_plans(driver: AsyncDriver) -> None:
    """The database came back: a restarted server has no plans, so each statement is
    EXPLAINed again before its first limited run."""
    _planned.pop(driver, None)


@contextmanager
def stopped_when_too_long(driver: AsyncDriver) -> Iterator[None]:
    """Neo4j's "timed out" for a read inside the block as ReadTooLong (BAD_USER_INPUT)."""
    try:
        yield
    except Neo4jError as error:
        if error.code in TIMED_OUT:
            raise ReadTooLong(read_limit(driver)) from error
        raise
