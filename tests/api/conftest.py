"""The service as users run it: uvicorn on a loopback port, spoken to over HTTP, on a small
district built through the real use cases with the clock pinned."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import load_policy
from graph_service.auth.principal import PlatformRole
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings
from graph_service.testing.service import running_service
from graph_service.testing.world import NOW, World, build_world
from tests.conftest import Wipes


@pytest.fixture(scope="session")
def clock() -> FixedClock:
    return FixedClock(NOW)


async def _build(driver: AsyncDriver, settings: Settings, clock: FixedClock) -> World:
    await driver.execute_query(cypher("testing/wipe_data"), database_=settings.neo4j_database)
    runtime = Runtime(driver, settings.neo4j_database, load_policy(), clock)
    return await build_world(runtime, clock)


def _replace(world: World, fresh: World) -> None:
    """Rebuilt in place (new ids), so every holder of the shared world sees the new one."""
    for mine, theirs in ((world.households, fresh.households), (world.people, fresh.people)):
        mine.clear()
        mine.update(theirs)


@dataclass
class SharedWorld:
    world: World
    built_after_wipes: int


@pytest.fixture(scope="session")
async def shared_world(
    migrated_driver: AsyncDriver, settings: Settings, clock: FixedClock, wipes: Wipes
) -> SharedWorld:
    return SharedWorld(await _build(migrated_driver, settings, clock), wipes.count)


@pytest.fixture
async def world(
    shared_world: SharedWorld,
    wipes: Wipes,
    migrated_driver: AsyncDriver,
    settings: Settings,
    clock: FixedClock,
) -> World:
    """Built once for the API tests (and again when a test using `db` emptied the database
    in between); tests that write make their own households, and tests that change access
    for everyone (a sweep) ask for `rebuilt_world_after`."""
    if shared_world.built_after_wipes != wipes.count:
        _replace(shared_world.world, await _build(migrated_driver, settings, clock))
        shared_world.built_after_wipes = wipes.count
    return shared_world.world


@pytest.fixture
async def rebuilt_world_after(
    world: World, migrated_driver: AsyncDriver, settings: Settings, clock: FixedClock
) -> AsyncIterator[World]:
    """The shared world, wiped and rebuilt (in place, new ids) once the test is done."""
    yield world
    _replace(world, await _build(migrated_driver, settings, clock))


@pytest.fixture(scope="session")
def service_url(settings: Settings, clock: FixedClock, shared_world: SharedWorld) -> Iterator[str]:
    with running_service(settings, clock=clock) as url:
        yield url


@pytest.fixture
def http(service_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=service_url, timeout=30) as client:
        yield client


class GraphQLClient:
    """Posts GraphQL as a given caller; `data` insists there were no errors."""

    def __init__(self, http: httpx.Client, token: str | None) -> None:
        self.http = http
        self.token = token

    def post(self, query: str, **variables: Any) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {self.token}"} if self.token else {}
        response = self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, **variables: Any) -> dict[str, Any]:
        body = self.post(query, **variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data


@pytest.fixture
def as_staff(http: httpx.Client, settings: Settings, world: World) -> Any:
    """as_staff("lincoln_office") -> a client carrying that demo staff member's token."""

    def client(key: str, *roles: PlatformRole) -> GraphQLClient:
        employee = world.staff.get(key, key)
        return GraphQLClient(http, mint_development_token(settings, employee, roles=list(roles)))

    return client


@pytest.fixture
def anonymous(http: httpx.Client) -> GraphQLClient:
    return GraphQLClient(http, None)
