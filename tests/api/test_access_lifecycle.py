"""Access through the API end to end: feed events grant access, a departure takes it away
before the very next request, and every read is audited, none lost on shutdown."""

from __future__ import annotations

from typing import Any

from neo4j import GraphDatabase
from starlette.testclient import TestClient

from graph_service.app import create_app
from graph_service.auth.principal import PlatformRole
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.graphql.ids import to_global_id
from graph_service.settings import Settings
from graph_service.testing.world import COURSES, NOW, World

EVENT = "mutation($input: AccessEventInput!) { recordAccessEvent(input: $input) { transitions } }"
READ = "query($id: ID!) { household(id: $id) { name } }"


def test_a_departure_denies_the_very_next_request(
    as_staff: Any, rebuilt_world_after: World
) -> None:
    world = rebuilt_world_after  # the sweep below activates every pending grant
    feed = as_staff("E-HR-FEED", PlatformRole.INTEGRATION_FEED)
    admin = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
    newcomer = "E-NEW-CLERK"
    feed.data(EVENT, input={
        "type": "HIRED", "employeeId": newcomer, "source": "hr",
        "occurredAt": "2026-09-14T08:00:00-05:00", "name": "New Clerk",
        "email": "new.clerk@example-district.org", "roleId": "office-pro", "locationId": "lincoln",
    })  # fmt: skip
    for course in COURSES:
        feed.data(EVENT, input={
            "type": "COURSE_COMPLETED", "employeeId": newcomer, "source": "lms",
            "occurredAt": "2026-09-14T09:00:00-05:00", "courseId": course,
        })  # fmt: skip
    admin.data("mutation { runProvisioning { activated } }")
    clerk = as_staff(newcomer)
    assert clerk.data("{ myAccess { status } }")["myAccess"]["status"] == "active"
    household = to_global_id("Household", world.households["lincoln"])
    assert clerk.data(READ, id=household)["household"]["name"] == "Rivera (Main St)"

    feed.data(EVENT, input={
        "type": "DEPARTED", "employeeId": newcomer, "source": "hr",
        "occurredAt": "2026-09-15T09:30:00-05:00",
    })  # fmt: skip
    refused = clerk.post(READ, id=household)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert refused["data"] in (None, {"household": None})
    status = clerk.data("{ myAccess { status lostReason nextSteps } }")["myAccess"]
    assert status["status"] == "revoked"
    assert status["nextSteps"]


def _read_audits(settings: Settings, actor: str) -> int:
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with GraphDatabase.driver(settings.bolt_uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(
            cypher("testing/count_audit_events_by_actor"),
            kind="household.read",
            actor=actor,
            database_=settings.neo4j_database,
        )
        count: int = records[0]["count"]
        return count


def test_reads_are_audited_and_a_clean_shutdown_loses_none(
    settings: Settings, world: World
) -> None:
    reader = world.staff["steward"]  # nobody else reads as the steward
    before = _read_audits(settings, reader)
    token = mint_development_token(settings, reader)
    household = to_global_id("Household", world.households["lincoln"])
    reads = 25
    with TestClient(create_app(settings, clock=FixedClock(NOW))) as client:
        for _ in range(reads):
            response = client.post(
                "/graphql",
                json={"query": READ, "variables": {"id": household}},
                headers={"authorization": f"Bearer {token}"},
            )
            assert response.json()["data"]["household"] is not None
    # Leaving the block shut the app down cleanly: every queued read entry was written.
    assert _read_audits(settings, reader) == before + reads


def test_production_serves_no_graphiql(settings: Settings) -> None:
    production = Settings.model_validate(
        {
            "env": "production",
            "neo4j_uri": settings.bolt_uri,
            "neo4j_password": "not-the-development-default",
            "jwks_url": "http://127.0.0.1:9/jwks.json",
        }
    )
    graphql = next(
        route.app  # type: ignore[attr-defined]
        for route in create_app(production).routes
        if getattr(route, "path", "") == "/graphql"
    )
    assert graphql.graphql_ide is None
    development = next(
        route.app  # type: ignore[attr-defined]
        for route in create_app(settings).routes
        if getattr(route, "path", "") == "/graphql"
    )
    assert development.graphql_ide == "graphiql"
