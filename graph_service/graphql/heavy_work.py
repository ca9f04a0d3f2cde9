"""CPU-heavy work of one request (parsing and validating a large document, checking a large
request body) run in a worker process, one job at a time, never in the event loop's process.

A worker thread (the first attempt) shares the interpreter lock with the event loop: the
lexer, the validator and the body checks' regular expressions held it for milliseconds at a
time, and `/healthz` waited behind them (p99 90-170 ms while four clients sent the worst
documents). A process has a lock of its own; what crosses back is a small verdict, or the
checked document or body, which unpickles faster than it parses.

The worker is forked from multiprocessing's fork server, which imported the schema once, so
a new one starts in milliseconds. It is replaced when a job runs past its time budget (a
pathological document cannot hold it) or dies, and when its memory has grown a fifth past
what it started with (a large parse's pages go back to the system with the process).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from graph_service import glibc_memory

log = logging.getLogger(__name__)
T = TypeVar("T")

# A page's document (under 2,000 characters) parses and validates in well under a
# millisecond once cached, and stays in the event loop's process; larger ones come here.
HEAVY_QUERY_CHARS = 2000
# A body over this many bytes is decoded and checked here.
HEAVY_BODY_BYTES = 64 * 1024
# What the fork server imports once, so that every worker starts with it; with the main
# module among them, a worker does not run the main module again (as a spawned one would).
PRELOAD = ["__main__", "graph_service.graphql.schema"]
# A worker whose resident memory passed its first measure by this factor is replaced.
MEMORY_GROWTH = 1.2
# The fork server's first start imports the schema (seconds on a busy machine).
START_SECONDS = 120.0
# The worker's scheduling priority below the service's (19 is the lowest).
WORKER_NICENESS = 10
# Heavy work idle this long: the service's heaps trimmed once more.
IDLE_TRIM_SECONDS = 1.0
# How often a worker checks that the process that started it is still there.
ORPHAN_CHECK_SECONDS = 0.5


class TooSlow(Exception):
    """The job ran past its budget or its worker died; the worker was replaced."""


@dataclass
class _Worker:
    executor: ProcessPoolExecutor
    pid: int
    started_rss: int


class HeavyWork:
    """One worker process, a job at a time (`run`); `start` and `close` belong to the app's
    lifespan."""

    def __init__(self, *, job_seconds: float) -> None:
        self.job_seconds = job_seconds
        self._lock = asyncio.Lock()
        self._worker: _Worker | None = None
        self._closed = False
        self._idle_trim: asyncio.TimerHandle | None = None

    @property
    def worker_pid(self) -> int | None:
        """The current worker's process id (none before `start` or after a replacement)."""
        return self._worker.pid if self._worker is not None else None

    async def start(self) -> None:
        """Starts the worker, so that the first heavy request does not wait for it."""
        async with self._lock:
            await self._ready()

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in the worker process; `TooSlow` when it takes longer than the
        budget (the worker is killed and replaced) or the worker dies. `function`, its
        arguments and its result must pickle: a module-level function, plain data."""
        async with self._lock:
            worker = await self._ready()
            submitted = worker.executor.submit(_job, function, *args)
            try:
                async with asyncio.timeout(self.job_seconds):
                    outcome, rss = await asyncio.wrap_future(submitted)
            except TimeoutError:
                self._replace(worker, kill=True)
                raise TooSlow(f"took longer than {self.job_seconds:g} s") from None
            except BrokenProcessPool:
                log.warning("the heavy-work process died during a job; replacing it")
                self._replace(worker, kill=True)
                raise TooSlow("stopped its worker") from None
            except asyncio.CancelledError:
                # Whoever waited went away: the job's answer is wanted by nobody, and it
                # must not hold the worker for the next one.
                if not submitted.done():
                    self._replace(worker, kill=True)
                raise
            if rss > worker.started_rss * MEMORY_GROWTH:
                self._replace(worker, kill=False)
        # The large buffers of requests (a body read in 64 kB pieces, its decoded copy)
        # freed since the last heavy job: their pages back to the system, in this process
        # too (1.40x its start after the bench without this, 1.18x with it), and again once
        # heavy work stops, for the buffers of the last requests.
        await asyncio.to_thread(glibc_memory.trim)
        self._trim_when_idle()
        if isinstance(outcome, _Raised):
            error, outcome = outcome.error, None
            try:
                raise error
            finally:
                # Not kept in this frame, which the error's traceback holds: a cycle, and
                # the caller's frames (a request's body) with it until a full collection.
                del error
        return outcome  # type: ignore[return-value]  # what `function` returned, unpickled

    def _trim_when_idle(self) -> None:
        if self._idle_trim is not None:
            self._idle_trim.cancel()
        loop = asyncio.get_running_loop()
        self._idle_trim = loop.call_later(
            IDLE_TRIM_SECONDS, loop.run_in_executor, None, glibc_memory.trim
        )

    async def close(self) -> None:
        """Stops the worker and waits for it to be gone."""
        if self._idle_trim is not None:
            self._idle_trim.cancel()
        async with self._lock:
            self._closed = True
            worker, self._worker = self._worker, None
            if worker is not None:
                await asyncio.to_thread(worker.executor.shutdown, wait=True, cancel_futures=True)

    async def _ready(self) -> _Worker:
        if self._closed:
            raise RuntimeError("the heavy-work process was closed")
        if self._worker is None:
            executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=_fork_server(),
                initializer=_worker_started,
                initargs=(ORPHAN_CHECK_SECONDS,),
            )
            # The first submit starts the process (and, the first time, the fork server),
            # blocking the thread that calls it: not the event loop's.
            started = await asyncio.to_thread(executor.submit, _hello)
            async with asyncio.timeout(START_SECONDS):
                pid, rss = await asyncio.wrap_future(started)
            self._worker = _Worker(executor, pid, rss)
        return self._worker

    def _replace(self, worker: _Worker, *, kill: bool) -> None:
        """Retires `worker` (killed, or let finish its queue of none); the next job starts
        another."""
        if self._worker is worker:
            self._worker = None
        if kill:
            with contextlib.suppress(ProcessLookupError):  # it died of itself
                os.kill(worker.pid, signal.SIGKILL)
        worker.executor.shutdown(wait=False, cancel_futures=True)


def _fork_server() -> multiprocessing.context.BaseContext:
    """Forking the service itself is unsafe (its threads may hold locks) and spawning
    imports everything anew (about 2 s); the fork server imports the schema once."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # effective until the fork server starts
    return context


# In the worker process.


def _worker_started(orphan_check_seconds: float) -> None:
    # Ctrl-C in a terminal reaches the whole process group: the service's lifespan stops the
    # worker itself, after the requests in flight.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # When cores are short, the event loop's process is served first: heavy work is what
    # hostile clients send, the loop is everyone's.
    os.nice(WORKER_NICENESS)
    parent = os.getppid()

    def exit_when_orphaned() -> None:
        # The fork server (the worker's parent) ends when the service's process does, even
        # when that was killed: then nobody would stop this worker.
        stop = threading.Event()
        while not stop.wait(orphan_check_seconds):
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=exit_when_orphaned, name="orphan-check", daemon=True).start()


def _hello() -> tuple[int, int]:
    return os.getpid(), _resident_bytes()


@dataclass(frozen=True)
class _Raised:
    error: Exception


def _job(function: Callable[..., object], *args: Any) -> tuple[object, int]:
    """`function(*args)` (or what it raised) and the worker's resident memory after it, once
    glibc has handed back the pages the job freed (it keeps them otherwise, and the worker
    would be replaced for memory it no longer uses)."""
    outcome: object
    try:
        outcome = function(*args)
    except Exception as error:  # raised again in the service's process, for the caller
        outcome = _Raised(error)
    glibc_memory.trim()
    return outcome, _resident_bytes()


def _resident_bytes() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0  # elsewhere than Linux: never replaced for its memory
