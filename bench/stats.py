"""Latency summaries."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    count: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0


def summarize(latencies: list[float], seconds: float) -> Summary:
    """Percentiles of latencies given in seconds, reported in milliseconds."""
    if not latencies:
        return Summary(0, seconds, 0.0, 0.0, 0.0)
    ordered = sorted(latencies)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else []

    def at(percent: int) -> float:
        return (cuts[percent - 1] if cuts else ordered[0]) * 1000

    return Summary(len(ordered), seconds, at(50), at(95), at(99))
