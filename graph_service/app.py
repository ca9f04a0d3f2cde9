"""The Starlette application: GraphQL at /graphql, liveness and readiness probes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from neo4j.exceptions import Neo4jError, ServiceUnavailable
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate, pending_migrations
from graph_service.graphql.app import GraphQLApp
from graph_service.graphql.schema import schema
from graph_service.settings import Settings

log = logging.getLogger(__name__)


def create_app(settings: Settings) -> Starlette:
    """The service, configured by `settings`; its lifespan owns the one Neo4j driver."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        driver = create_driver(settings)
        try:
            await driver.verify_connectivity()
            applied = await migrate(driver, database=settings.neo4j_database)
            if applied:
                log.info("applied migrations: %s", ", ".join(applied))
            app.state.driver = driver
            app.state.settings = settings
            yield
        finally:
            await driver.close()

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        driver = request.app.state.driver
        try:
            await driver.verify_connectivity()
            pending = await pending_migrations(driver, database=settings.neo4j_database)
        except (ServiceUnavailable, Neo4jError, OSError) as error:
            log.warning("not ready: %s", error)
            return JSONResponse({"status": "unavailable", "neo4j": "unreachable"}, 503)
        if pending:
            names = [migration.name for migration in pending]
            return JSONResponse({"status": "unavailable", "pendingMigrations": names}, 503)
        return JSONResponse({"status": "ready", "neo4j": "reachable"})

    development = not settings.is_production
    graphql = GraphQLApp(
        schema,
        graphql_ide="graphiql" if development else None,
        allow_queries_via_get=False,
        multipart_uploads_enabled=False,
    )
    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/graphql", graphql, methods=["GET", "POST"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
