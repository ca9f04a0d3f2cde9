"""`GET /metrics`: the Prometheus text format, for Prometheus to scrape.

Served when the settings say so (`Settings.serves_metrics`): in production only with a scrape
token, which the scrape sends as `Authorization: Bearer <token>`; in development and tests
openly unless a token is set. The counts name operations, codes and statuses, never a person
or an id, but they do show how the service is used, which is not the public's business.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Iterator

from neo4j.exceptions import DriverError, Neo4jError
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from graph_service.db.grant_counts import count_grants_by_status
from graph_service.observability.metrics import multiprocess_dir
from graph_service.settings import Settings

log = logging.getLogger(__name__)

# A scrape waits this long for the grant counts, then answers without them (Prometheus
# gives a scrape 10 s by default; the other metrics must not be lost with the database).
_COUNT_TIMEOUT_SECONDS = 2.0


class GrantsByStatus:
    """The grants gauge, counted in the graph at scrape time (so every worker process and
    replica reports the same numbers, and none has to keep them)."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def collect(self) -> Iterator[Metric]:
        gauge = GaugeMetricFamily(
            "graph_service_access_grants",
            "Household access grants by status, counted in the graph at scrape time.",
            labels=["status"],
        )
        for status, grants in sorted(self.counts.items()):
            gauge.add_metric([status], grants)
        yield gauge


async def metrics(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not _authorized(request, settings):
        return PlainTextResponse(
            "Scraping needs the scrape token: Authorization: Bearer <GRAPH_SERVICE_METRICS_TOKEN>",
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    body = generate_latest(_counted())
    counts = await _grant_counts(request, settings)
    if counts is not None:
        body += generate_latest(GrantsByStatus(counts))
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def _authorized(request: Request, settings: Settings) -> bool:
    if settings.metrics_token is None:
        return True  # served openly only outside production (Settings.serves_metrics)
    expected = f"Bearer {settings.metrics_token.get_secret_value()}".encode()
    sent = request.headers.get("authorization", "").encode()
    return hmac.compare_digest(sent, expected)


def _counted() -> Collector:
    """This process's counts, or every worker's when they share a directory."""
    directory = multiprocess_dir()
    if directory is None:
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(directory))  # type: ignore[no-untyped-call]  # prometheus-client leaves it untyped
    return registry


async def _grant_counts(request: Request, settings: Settings) -> dict[str, int] | None:
    try:
        async with asyncio.timeout(_COUNT_TIMEOUT_SECONDS):
            return await count_grants_by_status(
                request.app.state.driver, database=settings.neo4j_database
            )
    except (TimeoutError, Neo4jError, DriverError, OSError) as error:
        log.warning("metrics scrape without grant counts: %s", type(error).__name__)
        return None
