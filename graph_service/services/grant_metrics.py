"""Grant status changes, counted once they are committed."""

from __future__ import annotations

from collections.abc import Iterable

from graph_service.access.facts import Transition
from graph_service.observability.metrics import GRANT_TRANSITIONS


def count_transitions(source: str, committed: Iterable[list[Transition]]) -> None:
    """Count `committed` transitions under `source`: "sweep", "feed" or "reference"."""
    for transitions in committed:
        for transition in transitions:
            before = transition.from_status.value if transition.from_status else "none"
            GRANT_TRANSITIONS.labels(source, before, transition.to_status.value).inc()
