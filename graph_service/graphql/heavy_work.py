"""CPU-heavy work of one request (parsing, validating, decoding a large body), run off the
event loop in a worker thread, one at a time.

A thread still needs the interpreter lock, but the event loop takes it back at every switch
interval (5 ms); with one heavy thread at a time the loop waits at most about that long, so
`/healthz` and other callers keep being answered while hostile documents queue here.
"""

from __future__ import annotations

import asyncio
import ctypes
import sys
from collections.abc import Callable
from functools import partial
from typing import TypeVar
from weakref import WeakKeyDictionary

from anyio import CapacityLimiter, to_thread

T = TypeVar("T")

# Parsing and validating a document within the token limit can take tens of milliseconds of
# CPU; a page's document (under 2,000 characters) takes well under one and stays on the loop.
HEAVY_QUERY_CHARS = 2000
# A body over this many bytes is decoded and checked in the worker thread.
HEAVY_BODY_BYTES = 64 * 1024

# The worker thread and the event loop share the GIL: by default a thread holds it for up to
# 5 ms before handing over, and a heavy validation hands it back several times a request, so
# /healthz waited behind it (p99 135 ms under hostile documents). 1 ms keeps the loop's
# turn short; the thread's own work barely slows.
SWITCH_INTERVAL_SECONDS = 0.001

_limiters: WeakKeyDictionary[asyncio.AbstractEventLoop, CapacityLimiter] = WeakKeyDictionary()


async def off_the_loop(work: Callable[[], T], *, heavy: bool) -> T:
    """`work()`: in the one worker thread for heavy work when `heavy`, else right here."""
    if not heavy:
        return work()
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = CapacityLimiter(1)
        sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    return await to_thread.run_sync(partial(_then_trim, work), limiter=limiter)


def _then_trim(work: Callable[[], T]) -> T:
    """`work()`, then the C heap's free pages handed back to the system: a large document's
    parse frees its many small objects, but glibc keeps the pages (RSS stayed 1.4-1.55x its
    start after the hostile documents bench; 1.12x with this). Only after heavy work, which
    is rare, already in this thread, and with the GIL released by ctypes; trimming only when
    no other heavy work waited left 1.31x. Elsewhere than glibc, nothing."""
    try:
        return work()
    finally:
        if _LIBC is not None:
            _LIBC.malloc_trim(0)


def _glibc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


_LIBC = _glibc()
