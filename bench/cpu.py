"""CPU per request, read from /proc: the service's processes (uvicorn and any workers it
forked) and the Neo4j server's, before and after a measured slice."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of one process (fields 14 and 15 of /proc/PID/stat)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants (a multi-worker service forks its workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(text[text.rindex(")") + 2 :].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


@dataclass
class CpuMeter:
    """Named process trees to meter: {"service": pid, "neo4j": pid}; a pid of 0 means this
    process (the floor's driver)."""

    pids: dict[str, int]

    def read(self) -> dict[str, float]:
        totals = {}
        for name, pid in self.pids.items():
            if pid == 0:
                times = os.times()
                totals[name] = times.user + times.system
                continue
            total = 0.0
            for member in _tree(pid):
                try:
                    total += _cpu_seconds(member)
                except OSError:  # a worker that ended between the listing and the read
                    continue
            totals[name] = total
        return totals

    def per_request(self, before: dict[str, float], requests: int) -> dict[str, float]:
        """CPU milliseconds per request of each tree since `before`."""
        after = self.read()
        return {
            f"{name}_cpu_ms": (after[name] - before[name]) * 1000 / requests if requests else 0.0
            for name in self.pids
        }
