"""The heavy-work process: a job at a time in a worker process that a job past its budget,
a dying worker or a grown one cannot keep, and that does not outlive `close`."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator

import pytest

from graph_service.graphql.heavy_work import MEMORY_GROWTH, HeavyWork, TooSlow
from graph_service.graphql.request_body import RefusedRequest, decode_request_json

# A bound for the process table to catch up with a killed worker, not a timing claim.
GONE_WITHIN_SECONDS = 10.0
_held: list[bytes] = []  # in the worker process: memory a job keeps


def _hold(megabytes: int) -> int:
    _held.append(b"x" * (megabytes << 20))
    return len(_held)


def _gone(pid: int) -> bool:
    deadline = time.monotonic() + GONE_WITHIN_SECONDS
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
async def heavy_work() -> AsyncIterator[HeavyWork]:
    work = HeavyWork(job_seconds=5.0)
    await work.start()
    yield work
    await work.close()


async def test_a_job_runs_in_another_process(heavy_work: HeavyWork) -> None:
    assert await heavy_work.run(os.getpid) == heavy_work.worker_pid != os.getpid()


async def test_what_a_job_raises_is_raised_here_with_its_answer(heavy_work: HeavyWork) -> None:
    with pytest.raises(RefusedRequest) as refused:
        await heavy_work.run(decode_request_json, b'{"query": ')
    assert refused.value.status == 400
    assert "not valid JSON" in refused.value.message


async def test_a_job_past_its_budget_is_stopped_and_its_worker_replaced() -> None:
    work = HeavyWork(job_seconds=0.5)
    await work.start()
    try:
        first = work.worker_pid
        assert first is not None
        with pytest.raises(TooSlow, match=r"took longer than 0\.5 s"):
            await work.run(time.sleep, 600)
        assert _gone(first)
        assert await work.run(os.getpid) not in (first, os.getpid())
    finally:
        await work.close()


async def test_a_worker_that_dies_during_a_job_is_replaced(heavy_work: HeavyWork) -> None:
    first = heavy_work.worker_pid
    with pytest.raises(TooSlow, match="stopped its worker"):
        await heavy_work.run(os._exit, 1)
    assert await heavy_work.run(os.getpid) != first


async def test_a_job_nobody_waits_for_any_more_does_not_hold_the_worker(
    heavy_work: HeavyWork,
) -> None:
    first = heavy_work.worker_pid
    assert first is not None
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.5):  # the caller gives up (a client went away)
            await heavy_work.run(time.sleep, 600)
    assert _gone(first)
    assert await heavy_work.run(os.getpid) != first


async def test_a_worker_grown_past_its_share_of_memory_is_replaced(heavy_work: HeavyWork) -> None:
    first = heavy_work.worker_pid
    assert first is not None
    started_mb = _resident_mb(first)
    grown_by = int(started_mb * (MEMORY_GROWTH - 1)) + 16
    assert await heavy_work.run(_hold, grown_by) == 1  # kept by the worker that ran it
    assert _gone(first)  # retired once its job was answered
    assert await heavy_work.run(_hold, 1) == 1  # a fresh worker, holding nothing before
    assert heavy_work.worker_pid != first


async def test_close_leaves_no_worker_process() -> None:
    work = HeavyWork(job_seconds=5.0)
    await work.start()
    pid = work.worker_pid
    assert pid is not None
    await work.close()
    assert _gone(pid)
    with pytest.raises(RuntimeError, match="closed"):
        await work.run(os.getpid)


def _resident_mb(pid: int) -> int:
    with open(f"/proc/{pid}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") >> 20
