"""The generator in a process of its own, handing its chunks over a pipe, so that on a
machine with two cores the next chunk is generated while this process writes the last one
to the importer's CSV files (generating and writing took 25 s and 15 s of CPU at 100,000
households, one after the other; see docs/loading.md). The rows are the generator's own,
pickled: the same stream, in the same order, as `iter_district` in this process."""

from __future__ import annotations

import multiprocessing
import resource
import sys
import traceback
from collections.abc import Iterator
from datetime import datetime
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from seeds.district import District
from seeds.generator import iter_district

# Forking copies the modules already imported (no second start of Python); elsewhere
# (macOS) forking a process with threads is unsafe, and a fresh one imports them again.
_CONTEXT: multiprocessing.context.DefaultContext | Any = multiprocessing.get_context(
    "fork" if sys.platform == "linux" else "spawn"
)


class GeneratorFailed(RuntimeError):
    """The generator's process raised (its traceback is the message) or died."""


def _generate(sending: Connection, arguments: dict[str, Any]) -> None:
    try:
        for chunk in iter_district(**arguments):
            sending.send(("chunk", chunk))
        sending.send(("done", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    except BaseException:  # whatever it was, the reader must hear of it
        sending.send(("failed", traceback.format_exc()))
    finally:
        sending.close()


class BackgroundGenerator:
    """`with BackgroundGenerator(households=..., seed=..., anchor=...) as chunks: for chunk in
    chunks: ...`. Its process is waited for when the stream ends, so its CPU time counts
    among this process's children's from then on (`resource.RUSAGE_CHILDREN`), and
    `peak_rss_kib` says its own peak memory (Linux units)."""

    def __init__(
        self, *, households: int, seed: int, anchor: datetime, chunk_households: int
    ) -> None:
        receiving, sending = _CONTEXT.Pipe(duplex=False)
        arguments = {"households": households, "seed": seed, "anchor": anchor,
                     "chunk_households": chunk_households}  # fmt: skip
        self._receiving = receiving
        self._process = _CONTEXT.Process(
            target=_generate, args=(sending, arguments), name="district-generator", daemon=True
        )
        self._process.start()
        sending.close()  # the child holds its end: an EOF now means the child is gone
        self.peak_rss_kib = 0

    def __iter__(self) -> Iterator[District]:
        while True:
            try:
                kind, payload = self._receiving.recv()
            except EOFError:
                self._process.join()
                raise GeneratorFailed(
                    f"the generator's process ended without finishing (exit code "
                    f"{self._process.exitcode})"
                ) from None
            if kind == "chunk":
                yield payload
            elif kind == "done":
                self.peak_rss_kib = int(payload)
                self._process.join()
                return
            else:
                self._process.join()
                raise GeneratorFailed(f"the generator failed:\n{payload}")

    def __enter__(self) -> BackgroundGenerator:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._process.is_alive():  # the reader stopped early: nobody wants the rest
            self._process.terminate()
        self._process.join()
        self._receiving.close()
