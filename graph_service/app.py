"""The Starlette application: GraphQL at /graphql, liveness and readiness probes, and the
browser pages (the relationship explorer at /explore, GraphiQL in development)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from neo4j.exceptions import Neo4jError, ServiceUnavailable
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from graph_service import glibc_memory
from graph_service.access.settings import AccessSettings
from graph_service.auth.tokens import TokenVerifier
from graph_service.clock import Clock
from graph_service.db.availability import Availability
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate, pending_migrations
from graph_service.domain.relationship_types import default_catalogue
from graph_service.graphql.app import GraphQLApp
from graph_service.graphql.heavy_work import HeavyWork
from graph_service.graphql.schema import build_schema
from graph_service.graphql.trusted_documents import TrustedDocuments
from graph_service.observability.middleware import GRAPHQL_PATH, ObservedRequests
from graph_service.observability.scrape import metrics
from graph_service.services.access_periodic import provision_periodically
from graph_service.services.read_audit import ReadAudit
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings
from graph_service.web.pages import web_routes

log = logging.getLogger(__name__)
READY_CHECK_SECONDS = 2.0


def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    access: AccessSettings | None = None,
    provisioning: bool | None = None,
) -> Starlette:
    """The service, configured by `settings`; its lifespan owns the one Neo4j driver.

    `clock` pins time (tests walk it forward); otherwise the access settings' clock is used
    (the system clock unless GRAPH_SERVICE_PINNED_CLOCK is set, which production refuses).
    `provisioning` runs the periodic sweep (default: everywhere but test settings).
    """
    sweep = provisioning if provisioning is not None else settings.env != "test"
    access = access or AccessSettings()
    policy = access.policy()  # an invalid policy file stops the start with its message
    run_clock = clock or access.clock()
    catalogue = default_catalogue()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        glibc_memory.give_large_allocations_back()  # request bodies up to the body limit
        driver = create_driver(settings, reads_limited=True)
        try:
            await driver.verify_connectivity()
            applied = await migrate(driver, database=settings.neo4j_database)
            if applied:
                log.info("applied migrations: %s", ", ".join(applied))
            runtime = Runtime(
                driver, settings.neo4j_database, policy, run_clock, catalogue, settings
            )
            read_audit = ReadAudit(runtime)
            read_audit.start()
            availability = Availability(
                driver, settings.neo4j_database, slack=settings.neo4j_slack_seconds
            )
            availability.start()
            await heavy_work.start()
            app.state.availability = availability
            app.state.settings = settings
            app.state.driver = driver
            app.state.runtime = runtime
            app.state.read_audit = read_audit
            app.state.verifier = TokenVerifier(settings)
            sweeper = None
            if sweep:  # tests and demos run the sweep themselves, at instants they choose
                sweeper = asyncio.create_task(
                    provision_periodically(
                        runtime,
                        interval_seconds=access.provision_interval_seconds,
                        quiz_due_within_days=access.quiz_due_within_days,
                    )
                )
            try:
                yield
            finally:
                if sweeper is not None:
                    sweeper.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await sweeper
                await read_audit.close()  # a clean shutdown loses no read audit entry
                await availability.close()
                await heavy_work.close()  # no worker process outlives the service
        finally:
            await driver.close()

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        # Not ready exactly while requests are refused: the availability monitor's state
        # (after an outage, until Neo4j has planned the service's statements again).
        availability = request.app.state.availability
        if not availability.up:
            availability.check_soon()
            return JSONResponse({"status": "unavailable", "neo4j": "unreachable"}, 503)
        driver = request.app.state.driver
        try:
            async with asyncio.timeout(READY_CHECK_SECONDS):
                pending = await pending_migrations(driver, database=settings.neo4j_database)
        except TimeoutError:
            # A busy database, not a missing one (the monitor says it answers): requests
            # are served, so this process is ready.
            return JSONResponse({"status": "ready", "neo4j": "reachable"})
        except (ServiceUnavailable, Neo4jError, OSError) as error:
            log.warning("not ready: %s", error)
            return JSONResponse({"status": "unavailable", "neo4j": "unreachable"}, 503)
        if pending:
            names = [migration.name for migration in pending]
            return JSONResponse({"status": "unavailable", "pendingMigrations": names}, 503)
        return JSONResponse({"status": "ready", "neo4j": "reachable"})

    development = not settings.is_production
    # A bad manifest stops the start, like a bad policy file.
    trusted = (
        TrustedDocuments.load(settings.trusted_documents) if settings.trusted_documents else None
    )
    heavy_work = HeavyWork(job_seconds=settings.max_check_seconds)
    graphql = GraphQLApp(
        build_schema(introspection=development),
        graphql_ide="graphiql" if development else None,
        allow_queries_via_get=False,
        multipart_uploads_enabled=False,
        max_body_bytes=settings.max_body_bytes,
        heavy_work=heavy_work,
        trusted=trusted,
    )
    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route(GRAPHQL_PATH, graphql, methods=["GET", "POST"]),
        *web_routes(settings),
    ]
    if settings.serves_metrics:
        routes.append(Route("/metrics", metrics, methods=["GET"]))
    # Outside every route (the GraphQL app refuses some requests before GraphQL runs), so
    # that every request has an id, a log line and its metrics.
    middleware = [Middleware(ObservedRequests)]
    return Starlette(routes=routes, lifespan=lifespan, middleware=middleware)


def worker_app() -> Starlette:
    """The app one of `graph-service serve --workers N`'s processes serves (uvicorn's factory):
    settings and clock from the environment, and no provisioning sweep of its own, since
    `serve` runs the one sweep for all its workers."""
    return create_app(Settings(), provisioning=False)
