"""CPU per request, read from /proc: the service's processes (uvicorn and any workers it
forked) and the Neo4j server's, before and after a measured slice."""

from __future__ import annotations

import os
from dataclasses import dataclass

from graph_service.testing.cpu import tree_cpu_seconds


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
            totals[name] = tree_cpu_seconds(pid)
        return totals

    def per_request(self, before: dict[str, float], requests: int) -> dict[str, float]:
        """CPU milliseconds per request of each tree since `before`."""
        after = self.read()
        return {
            f"{name}_cpu_ms": (after[name] - before[name]) * 1000 / requests if requests else 0.0
            for name in self.pids
        }
