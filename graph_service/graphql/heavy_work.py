"""CPU-heavy work of one request (parsing, validating, decoding a large body), run off the
event loop in a worker thread, one at a time.

A thread still needs the interpreter lock, but the event loop takes it back at every switch
interval (5 ms); with one heavy thread at a time the loop waits at most about that long, so
`/healthz` and other callers keep being answered while hostile documents queue here.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
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
    return await to_thread.run_sync(work, limiter=limiter)
