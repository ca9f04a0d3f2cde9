"""The statements a process runs, planned again by Neo4j after it restarts.

Neo4j keeps the plans of the statements it ran in memory, so a restarted server has none,
and planning on its cold JVM is slow: on the shared 2-core test machine the duplicate check
of `createPerson` took 8-12 s to plan right after a restart (2-3 s on a warm server, then
cached), while a ping answered at once. Let through at once, the first writes after an
outage took 17-30 s (issue 14), spent planning inside their transactions.

So the driver remembers the latest statements it ran (`RECENT`), each with parameters of
the types and sizes of its last run (Neo4j caches a plan per statement text, parameter
types and a hint of their sizes: a name of another length was planned again; the values
are replaced by samples, so no person's data is kept), and the availability monitor has
Neo4j `EXPLAIN` each of them after an outage, most recent first: that plans and caches a
statement without running it. Requests are refused until then (db/availability.py). One
session plans them one after the other: two at once gained nothing measurable on the shared
2 cores (the same cold code warms either way; docs/operations.md).

Neo4j also caches a statement's plan apart for a transaction that has uncommitted changes
(measured: a statement run after a write in its transaction was planned again by an
`EXPLAIN` in a clean one, 2.6-2.9 s for the two largest, and the other way round; either
way, the same state's plan was then found in 0.02-0.06 s). So a statement is remembered
with whether it ran after a write statement of its transaction, and planned again in that
state: after an uncommitted change that is rolled back. Without it, the duplicate check and
the compiled read of `createPerson`, which run after its writes, were planned again in the
wrong state, and the first write once ready planned them itself (3.7-6.5 s).
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from datetime import date, datetime, time
from functools import lru_cache
from time import monotonic
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from neo4j import AsyncDriver, Query
from neo4j.exceptions import ClientError

from graph_service.db.cypher import cypher, explained, is_explained

log = logging.getLogger(__name__)

RECENT = 64  # statements; the service's hot paths use a few dozen
# An updating clause, in upper case as every statement under cypher/ writes them; a comment
# line does not count. A miss costs a plan made in the wrong state, nothing more.
_UPDATING = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE)\b")
_COMMENT = re.compile(r"//[^\n]*")


@lru_cache(maxsize=512)  # every statement of a write's transaction asks; texts are cypher/'s
def writes(statement: str) -> bool:
    """Whether `statement` may change the graph (then later statements of its transaction
    run with uncommitted changes)."""
    return _UPDATING.search(_COMMENT.sub("", statement)) is not None


class Recent(NamedTuple):
    statement: str
    params: dict[str, Any]
    after_changes: bool  # ran after a write statement of its transaction


def _sample(value: Any) -> Any:
    """A value of `value`'s type and size that says nothing else about it: Neo4j caches a
    plan per statement and parameter types, with a hint of the size of strings and lists."""
    # Every statement run samples its parameters: the common exact types first, strings in
    # maps and lists without a call each (a read's `$reciprocals` holds dozens).
    kind = type(value)
    if kind is str:
        return "x" * len(value)
    if kind is dict:
        return {k: "x" * len(v) if type(v) is str else _sample(v) for k, v in value.items()}
    if kind is list:
        return ["x" * len(v) if type(v) is str else _sample(v) for v in value]
    if isinstance(value, bool | int | float):
        return type(value)()  # False, 0, 0.0
    if isinstance(value, str):
        return "x" * len(value)
    if isinstance(value, list | tuple):
        return [_sample(item) for item in value]
    if isinstance(value, dict):
        return {key: _sample(item) for key, item in value.items()}
    if isinstance(value, datetime):
        return datetime(2000, 1, 1, tzinfo=value.tzinfo)
    if isinstance(value, date):
        return date(2000, 1, 1)
    if isinstance(value, time):
        return time(0, tzinfo=value.tzinfo)
    return value  # None, or a driver type (a duration, a point): not personal data


class RecentStatements:
    """The latest statements run, each with sample parameters, most recent last."""

    def __init__(self) -> None:
        self._statements: OrderedDict[tuple[str, bool], dict[str, Any]] = OrderedDict()

    def ran(
        self, statement: object, params: dict[str, Any] | None, *, after_changes: bool = False
    ) -> None:
        if isinstance(statement, Query):
            statement = statement.text  # a read with its time limit (db/read_limit.py)
        if not isinstance(statement, str) or is_explained(statement):
            return  # plan_again's own
        if statement == cypher("meta/uncommitted_change"):
            return  # plan_again's own too
        key = (statement, after_changes)
        self._statements[key] = {k: _sample(v) for k, v in (params or {}).items()}
        self._statements.move_to_end(key)
        while len(self._statements) > RECENT:
            self._statements.popitem(last=False)

    def latest_first(self) -> list[Recent]:
        return [
            Recent(text, params, after)
            for (text, after), params in reversed(self._statements.items())
        ]


_recent: WeakKeyDictionary[AsyncDriver, RecentStatements] = WeakKeyDictionary()


def recent_statements(driver: AsyncDriver) -> RecentStatements:
    """What `driver` ran lately (recorded by db/metered.py)."""
    return _recent.setdefault(driver, RecentStatements())


async def plan_again(driver: AsyncDriver, database: str) -> int:
    """Have Neo4j plan (EXPLAIN) the statements `driver` ran lately, one after the other;
    how many it planned. A lost connection is raised (the database went away again); a
    statement Neo4j will not explain (a schema command, say) is skipped."""
    planned = 0
    for recent in recent_statements(driver).latest_first():
        planned += await _plan(driver, database, recent)
    return planned


async def _plan(driver: AsyncDriver, database: str, recent: Recent) -> bool:
    statement, params, after_changes = recent
    explain = explained(statement)  # a statement this process ran (from cypher/)
    began = monotonic()
    try:
        async with (
            driver.session(database=database) as session,
            await session.begin_transaction() as tx,  # rolled back: never committed
        ):
            if after_changes:
                await (await tx.run(cypher("meta/uncommitted_change"))).consume()
            await (await tx.run(explain, params)).consume()
    except ClientError as error:
        log.debug("not planned again: %s", error.message)
        return False
    log.debug(
        "planned again in %.2f s (%d characters): %.80s",
        monotonic() - began,
        len(statement),
        statement,
    )
    return True
