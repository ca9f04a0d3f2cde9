"""Every Prometheus metric the service keeps, named and labelled in one place.

Label values come from fixed sets only (the schema's root field names, the API's error codes,
grant statuses, named denial reasons), never from what a caller sent, so no caller can grow
the number of series; no label holds an id or anything about a person.

Several worker processes (`graph-service serve --workers N`) share their counts through
prometheus-client's multiprocess mode, on when PROMETHEUS_MULTIPROC_DIR names a directory
(docs/operations.md).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from prometheus_client import Counter, Histogram, values

# Seconds; a request slower than 10 s is an incident whatever its exact time.
_REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_QUERY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0)
_SWEEP_BUCKETS = (0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 300.0)

GRAPHQL_REQUESTS = Counter(
    "graph_service_graphql_requests",
    "GraphQL requests by operation (the root field selected; 'multiple' for several, 'none' "
    "when no operation ran) and outcome (the first error's extensions.code, or 'ok').",
    ["operation", "outcome"],
)
GRAPHQL_SECONDS = Histogram(
    "graph_service_graphql_request_duration_seconds",
    "Time from a GraphQL request's arrival until its response was complete, by operation.",
    ["operation"],
    buckets=_REQUEST_BUCKETS,
)
NEO4J_TRANSACTIONS = Counter(
    "graph_service_neo4j_transactions",
    "Neo4j round trips: auto-committed queries and managed transactions (each counted once, "
    "however many statements it ran or retries it took), by kind (read/write) and outcome.",
    ["kind", "outcome"],
)
NEO4J_SECONDS = Histogram(
    "graph_service_neo4j_transaction_duration_seconds",
    "Time spent in Neo4j queries and transactions (with their retries), by kind.",
    ["kind"],
    buckets=_QUERY_BUCKETS,
)
ACCESS_DENIALS = Counter(
    "graph_service_access_denials",
    "Authorization denials by reason (household access denials are audited as well).",
    ["reason"],
)
SWEEPS = Counter(
    "graph_service_provisioning_sweeps",
    "Provisioning sweeps run (periodic, by hand, or through runProvisioning), by outcome.",
    ["outcome"],
)
SWEEP_SECONDS = Histogram(
    "graph_service_provisioning_sweep_duration_seconds",
    "Time one provisioning sweep took, by outcome.",
    ["outcome"],
    buckets=_SWEEP_BUCKETS,
)
GRANT_TRANSITIONS = Counter(
    "graph_service_grant_transitions",
    "Grant status changes committed, by what made them (the sweep, a feed event, or "
    "reference data) and the statuses before ('none' for a new grant) and after.",
    ["source", "from_status", "to_status"],
)
FEED_ROWS = Counter(
    "graph_service_feed_rows",
    "Access feed events received, by outcome: applied, duplicate (already applied) or "
    "rejected (refused with a reason, or a row that did not parse).",
    ["outcome"],
)

_CODE = re.compile(r"[A-Z][A-Z_]{0,39}")


def outcome_label(code: object) -> str:
    """An error code as a label value: the API's codes are upper-case words; anything else
    (which the API does not send) is 'OTHER' rather than a new series."""
    return code if isinstance(code, str) and _CODE.fullmatch(code) else "OTHER"


def multiprocess_dir() -> Path | None:
    """The directory worker processes share their counts through, when one is configured."""
    configured = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    return Path(configured) if configured else None


def share_counts_through(directory: Path) -> None:
    """Put this process, and the processes it starts from now on, in multiprocess mode.

    prometheus-client picks its value store when it is imported, from the environment; a
    process that imported it before the directory was chosen (`serve --workers N` picking a
    temporary one) switches here. Only metric children created afterwards use the shared
    store, which is why every metric above has labels (children are created at first use).
    """
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(directory)
    values.ValueClass = values.MultiProcessValue()  # type: ignore[no-untyped-call]  # prometheus-client leaves it untyped


def clear_counts(directory: Path) -> None:
    """Remove a previous run's count files (prometheus-client's `<type>_<pid>.db`), which would
    otherwise be added to this run's."""
    for stale in directory.glob("*_*.db"):
        stale.unlink()
