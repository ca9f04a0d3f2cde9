"""Reads of household data, audited in batches (FERPA good practice) without losing any.

A read must not wait for an audit write, so entries queue in memory and a background task
appends them every few seconds, or sooner when many wait. `close()` (called by the app's
lifespan on a clean shutdown) writes whatever is still queued.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from graph_service.db import audit
from graph_service.services.runtime import Runtime

log = logging.getLogger(__name__)
FLUSH_EVERY_SECONDS = 2.0
FLUSH_AT_ENTRIES = 200
FLUSHER_TASK = "read-audit-flusher"  # the background task's name (tests tell its writes apart)


class ReadAudit:
    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime
        self._queue: list[dict[str, Any]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def record(
        self,
        *,
        employee_id: str,
        operation: str,
        object_ids: list[str],
        allowed: bool,
        policy_version: str,
        reason: str,
    ) -> None:
        """Queue one read for the trail (ids and names only, never data or tokens)."""
        self._queue.append(
            audit.audit_entry(
                "household.read",
                at=self._runtime.now(),
                actor=employee_id,
                employeeId=employee_id,
                operation=operation,
                objectIds=object_ids,
                allowed=allowed,
                reason=reason,
                policyVersion=policy_version,
            )
        )
        if len(self._queue) >= FLUSH_AT_ENTRIES:
            self._wake.set()

    def queue(self, entry: dict[str, Any]) -> None:
        """Queue another entry for the same batched, loss-free write (a nested object a read
        withheld: a null in an answer, not a refusal, so it need not wait for the write)."""
        self._queue.append(entry)
        if len(self._queue) >= FLUSH_AT_ENTRIES:
            self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=FLUSHER_TASK)

    async def flush(self) -> int:
        """Append every queued entry now; returns how many were written."""
        entries, self._queue = self._queue, []
        if not entries:
            return 0
        try:
            await audit.append_now(self._runtime.driver, entries, database=self._runtime.database)
        except Exception:
            self._queue[:0] = entries  # keep them for the next try; the database may be back
            raise
        return len(entries)

    async def close(self) -> None:
        """Stop the background task and write what is left."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), FLUSH_EVERY_SECONDS)
            self._wake.clear()
            try:
                await self.flush()
            except Exception:  # a failed flush is retried; reads go on meanwhile
                log.exception("could not write the read audit; will retry")
