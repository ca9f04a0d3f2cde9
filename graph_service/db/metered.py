"""Every Neo4j round trip counted and timed, at the one place all of them pass: the driver.

The service reaches Neo4j through `driver.execute_query` and `session.execute_read` /
`execute_write` (managed transactions, from a dozen modules), and through `db.run.read_rows`
(the auto-committed reads of pages). The driver offers no hook, so the one driver a process
builds (`create_driver`) has those three methods wrapped, and `read_rows` is timed by
`observed`; each call is one count, whatever number of statements it ran or retries it took,
and its time includes them. Being the one place, it also tells the availability monitor
(db/availability.py) how a request's round trips ended (the failed attempts the driver
retries on its own, it learns from the driver's log), and remembers the statements run,
for Neo4j to plan them again after it restarts (db/warm_plans.py).
"""

from __future__ import annotations

import functools
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from neo4j import AsyncDriver, AsyncManagedTransaction, AsyncSession, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError

from graph_service.db.availability import round_trip_answered, round_trip_failed
from graph_service.db.warm_plans import RecentStatements, recent_statements, writes
from graph_service.observability.metrics import NEO4J_SECONDS, NEO4J_TRANSACTIONS

R = TypeVar("R")


def metered(driver: AsyncDriver) -> AsyncDriver:
    """`driver`, reporting its round trips to the metrics (docs/operations.md) and
    remembering the statements it runs."""
    recent = recent_statements(driver)
    _remember_queries(driver, recent)
    _wrap(driver, "execute_query", _query_kind)
    open_session = driver.session

    @functools.wraps(open_session)
    def session(**config: Any) -> AsyncSession:
        opened = open_session(**config)
        _remember_runs(opened, recent)
        _wrap(opened, "execute_read", lambda _: "read")
        _wrap(opened, "execute_write", lambda _: "write")
        _remember_transactions(opened, "execute_read", recent)
        _remember_transactions(opened, "execute_write", recent)
        return opened

    _wrap_with(driver, "session", session)
    return driver


def _query_kind(kwargs: dict[str, Any]) -> str:
    # execute_query writes unless told to route as a read.
    return "read" if kwargs.get("routing_") in (RoutingControl.READ, "r") else "write"


def _wrap(target: object, method: str, kind_of: Callable[[dict[str, Any]], str]) -> None:
    _wrap_with(target, method, _timed(getattr(target, method), kind_of))


def _wrap_with(target: object, method: str, replacement: Callable[..., Any]) -> None:
    # Replaced on this one object only: other drivers and sessions are left as they are.
    setattr(target, method, replacement)


@asynccontextmanager
async def observed(kind: str) -> AsyncIterator[None]:
    """Count and time the round trip made inside the block as one `kind` ("read", "write")."""
    began = time.perf_counter()
    # "aborted": the work itself gave up (a refusal raised inside the transaction rolls
    # it back, a cancelled request); "error": Neo4j or the driver failed.
    outcome = "aborted"
    try:
        yield
    except (Neo4jError, DriverError) as error:
        outcome = "error"
        round_trip_failed(error)
        raise
    else:
        outcome = "ok"
        round_trip_answered()
    finally:
        NEO4J_TRANSACTIONS.labels(kind, outcome).inc()
        NEO4J_SECONDS.labels(kind).observe(time.perf_counter() - began)


def _timed(
    call: Callable[..., Awaitable[R]], kind_of: Callable[[dict[str, Any]], str]
) -> Callable[..., Awaitable[R]]:
    @functools.wraps(call)
    async def timed(*args: Any, **kwargs: Any) -> R:
        async with observed(kind_of(kwargs)):
            return await call(*args, **kwargs)

    return timed


def _remember_queries(driver: AsyncDriver, recent: RecentStatements) -> None:
    execute_query = driver.execute_query

    @functools.wraps(execute_query)
    async def remembered(
        query: Any, parameters_: dict[str, Any] | None = None, **kwargs: Any
    ) -> Any:
        # Keyword arguments ending in "_" configure the call; the others are parameters.
        params = {k: v for k, v in kwargs.items() if not k.endswith("_")}
        recent.ran(query, {**(parameters_ or {}), **params})
        return await execute_query(query, parameters_, **kwargs)

    _wrap_with(driver, "execute_query", remembered)


def _remember_runs(
    target: AsyncSession | AsyncManagedTransaction, recent: RecentStatements
) -> None:
    """A session's runs are each a transaction of their own; a managed transaction's run
    after one of its write statements, with uncommitted changes (db/warm_plans.py)."""
    run = target.run
    in_transaction = isinstance(target, AsyncManagedTransaction)
    changed = False

    @functools.wraps(run)
    async def remembered(
        query: Any, parameters: dict[str, Any] | None = None, **kwargs: Any
    ) -> Any:
        nonlocal changed
        recent.ran(query, {**(parameters or {}), **kwargs}, after_changes=changed)
        changed |= in_transaction and isinstance(query, str) and writes(query)
        return await run(query, parameters, **kwargs)

    _wrap_with(target, "run", remembered)


def _remember_transactions(session: AsyncSession, method: str, recent: RecentStatements) -> None:
    execute = getattr(session, method)

    @functools.wraps(execute)
    async def remembered(work: Callable[..., Awaitable[R]], *args: Any, **kwargs: Any) -> R:
        @functools.wraps(work)  # keeps a unit_of_work's timeout and metadata
        async def work_remembered(tx: AsyncManagedTransaction, *a: Any, **kw: Any) -> R:
            _remember_runs(tx, recent)
            return await work(tx, *a, **kw)

        done: R = await execute(work_remembered, *args, **kwargs)
        return done

    _wrap_with(session, method, remembered)
