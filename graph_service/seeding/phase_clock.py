"""Wall and CPU seconds per phase of a load. On a shared machine wall time says more about the
neighbours than about the code, so each phase also gets the CPU it cost: this process's, its
waited-for children's (the importer) and the managed server's."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU of a live process from /proc (0 where there is no /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_and_children() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class PhaseClock:
    """`with clock.phase("import"): ...` adds that phase's wall and CPU seconds."""

    server_pid: Callable[[], int | None] = lambda: None
    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def _cpu_now(self, server: bool) -> float:
        pid = self.server_pid() if server else None
        return _own_and_children() + (process_cpu_seconds(pid) if pid is not None else 0.0)

    @contextmanager
    def phase(self, name: str, *, server: bool = False) -> Iterator[None]:
        """`server`: count the managed server's CPU too (for phases it neither starts nor
        stops halfway, or that start it: a stopped server counts nothing)."""
        wall, cpu = time.perf_counter(), self._cpu_now(server)
        try:
            yield
        finally:
            spent = max(self._cpu_now(server) - cpu, 0.0)
            self.add(name, time.perf_counter() - wall, spent)

    def add(self, name: str, wall: float, cpu: float) -> None:
        self.wall[name] = self.wall.get(name, 0.0) + wall
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu
