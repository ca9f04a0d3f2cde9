"""Grant status changes and provisioning sweeps, counted in the metrics once committed."""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import ParamSpec, Protocol, TypeVar

from graph_service.access.facts import Transition
from graph_service.observability.metrics import GRANT_TRANSITIONS, SWEEP_SECONDS, SWEEPS

P = ParamSpec("P")


class _Report(Protocol):
    @property
    def transitions(self) -> dict[str, list[Transition]]: ...


ReportT = TypeVar("ReportT", bound=_Report)


def count_transitions(source: str, committed: Iterable[list[Transition]]) -> None:
    """Count `committed` transitions under `source`: "sweep", "feed" or "reference"."""
    for transitions in committed:
        for transition in transitions:
            before = transition.from_status.value if transition.from_status else "none"
            GRANT_TRANSITIONS.labels(source, before, transition.to_status.value).inc()


def counted_sweep(
    sweep: Callable[P, Awaitable[ReportT]],
) -> Callable[P, Awaitable[ReportT]]:
    """`sweep`, with its runs and time counted by outcome and its transitions by status."""

    @functools.wraps(sweep)
    async def counted(*args: P.args, **kwargs: P.kwargs) -> ReportT:
        began, outcome = time.perf_counter(), "error"
        try:
            report = await sweep(*args, **kwargs)
            outcome = "ok"
        finally:
            SWEEPS.labels(outcome).inc()
            SWEEP_SECONDS.labels(outcome).observe(time.perf_counter() - began)
        count_transitions("sweep", report.transitions.values())
        return report

    return counted


def counted_changes(
    source: str,
) -> Callable[
    [Callable[P, Awaitable[dict[str, list[Transition]]]]],
    Callable[P, Awaitable[dict[str, list[Transition]]]],
]:
    """A use case returning {employee id: transitions committed}, with those counted."""

    def decorate(
        use_case: Callable[P, Awaitable[dict[str, list[Transition]]]],
    ) -> Callable[P, Awaitable[dict[str, list[Transition]]]]:
        @functools.wraps(use_case)
        async def counted(*args: P.args, **kwargs: P.kwargs) -> dict[str, list[Transition]]:
            changes = await use_case(*args, **kwargs)
            count_transitions(source, changes.values())
            return changes

        return counted

    return decorate
