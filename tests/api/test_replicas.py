"""Several replicas on one database: two services sweeping on a short period and sweeps run by
hand on a third, all at once, apply (and audit) each grant transition once; a bookmark one
replica returns is honoured by another."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import httpx
import pytest
from neo4j import GraphDatabase

from graph_service.access.settings import AccessSettings
from graph_service.auth.principal import PlatformRole
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.settings import Settings
from graph_service.testing.service import running_service
from graph_service.testing.world import COURSES, NOW, World

EVENT = "mutation($input: AccessEventInput!) { recordAccessEvent(input: $input) { transitions } }"
SWEEP = "mutation { runProvisioning { activated } }"
NEWCOMERS = [f"E-REPLICA-{n:02d}" for n in range(6)]


def _post(url: str, token: str, query: str, **body: Any) -> dict[str, Any]:
    response = httpx.post(
        url + "/graphql",
        json={"query": query, **body},
        headers={"authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _certify(url: str, feed: str, employee: str) -> None:
    """Hire a clerk and send their courses: a pending grant the next sweep activates."""
    events = [{
        "type": "HIRED", "employeeId": employee, "source": "hr",
        "occurredAt": "2026-09-14T08:00:00-05:00", "name": f"Clerk {employee}",
        "email": f"{employee.lower()}@example-district.org", "roleId": "office-pro",
        "locationId": "lincoln",
    }] + [{
        "type": "COURSE_COMPLETED", "employeeId": employee, "source": "lms",
        "occurredAt": "2026-09-14T09:00:00-05:00", "courseId": course,
    } for course in COURSES]  # fmt: skip
    for event in events:
        answer = _post(url, feed, EVENT, variables={"input": event})
        assert "errors" not in answer, answer


def _transitions(settings: Settings, prefix: str) -> list[dict[str, Any]]:
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with GraphDatabase.driver(settings.bolt_uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(
            cypher("testing/grant_transitions"), prefix=prefix, database_=settings.neo4j_database
        )
        return [record.data() for record in records]


@pytest.fixture
def two_sweeping_replicas(settings: Settings) -> Iterator[list[str]]:
    """Two services, each with the periodic sweep every 0.2 s (as in production, where every
    replica runs it), at the API tests' pinned instant."""
    access = AccessSettings(provision_interval_seconds=0.2)
    with ExitStack() as stack:
        yield [
            stack.enter_context(
                running_service(settings, clock=FixedClock(NOW), access=access, provisioning=True)
            )
            for _ in range(2)
        ]


def test_two_replicas_and_sweeps_by_hand_apply_each_transition_once(
    settings: Settings,
    service_url: str,
    rebuilt_world_after: World,  # the sweeps activate the world's pending grant too
    two_sweeping_replicas: list[str],
) -> None:
    feed = mint_development_token(settings, "E-HR-FEED", roles=[PlatformRole.INTEGRATION_FEED])
    admin = mint_development_token(settings, "E-ADMIN", roles=[PlatformRole.ACCESS_ADMIN])
    every_service = [service_url, *two_sweeping_replicas]
    stop = threading.Event()
    by_hand: list[dict[str, Any]] = []

    def sweep_by_hand() -> None:  # an administrator pressing the button on every replica
        while not stop.is_set():
            for url in every_service:
                by_hand.append(_post(url, admin, SWEEP))

    sweeper = threading.Thread(target=sweep_by_hand)
    sweeper.start()
    try:
        # Grants become pending while the sweeps run, so each period has something to do.
        for n, employee in enumerate(NEWCOMERS):
            _certify(every_service[n % 3], feed, employee)
        time.sleep(1.0)  # a few more periods, so the last grant's sweep has run
    finally:
        stop.set()
        sweeper.join(timeout=120)
    assert by_hand
    assert all("errors" not in answer for answer in by_hand), by_hand
    seen = _transitions(settings, "E-REPLICA-")
    activations = {(t["employeeId"], t["fromStatus"], t["toStatus"]): t["times"] for t in seen}
    once: dict[tuple[str, str | None, str], int] = {}
    for employee in NEWCOMERS:
        once[(employee, None, "pending")] = 1  # the feed's courses made the grant
        once[(employee, "pending", "active")] = 1  # one sweep, whichever, activated it
    assert activations == once


HOUSEHOLD = "query($id: ID!) { household(id: $id) { name version } }"
CREATE = """mutation($input: CreateHouseholdInput!) {
  createHousehold(input: $input) { id name version }
}"""
EDIT = """mutation($input: EditHouseholdInput!) {
  editHousehold(input: $input) { name version }
}"""


def test_a_bookmark_from_one_replica_is_honoured_by_another(
    settings: Settings, world: World, clock: FixedClock
) -> None:
    district = mint_development_token(settings, world.staff["district"])
    with running_service(settings, clock=clock) as a, running_service(settings, clock=clock) as b:
        created = _post(a, district, CREATE, variables={
            "input": {"name": "Bookmark family", "startDate": "2026-09-01"}
        })  # fmt: skip
        assert "errors" not in created, created
        household = created["data"]["createHousehold"]
        from_a = created["extensions"]["bookmarks"]
        assert from_a
        assert all(isinstance(bookmark, str) for bookmark in from_a)

        # B, with A's bookmarks, reads A's write and writes on top of it.
        read = _post(b, district, HOUSEHOLD, variables={"id": household["id"]},
                     extensions={"bookmarks": from_a})  # fmt: skip
        assert read["data"]["household"] == {"name": "Bookmark family", "version": 1}, read
        edited = _post(b, district, EDIT, variables={"input": {
            "householdId": household["id"], "expectedVersion": 1, "name": "Renamed on B",
        }}, extensions={"bookmarks": read["extensions"]["bookmarks"]})  # fmt: skip
        assert "errors" not in edited, edited
        from_b = edited["extensions"]["bookmarks"]
        assert from_b
        assert from_b != from_a

        # And back: A, with B's bookmarks, reads B's write.
        again = _post(a, district, HOUSEHOLD, variables={"id": household["id"]},
                      extensions={"bookmarks": from_b})  # fmt: skip
        assert again["data"]["household"] == {"name": "Renamed on B", "version": 2}, again

        never_issued = ["FB:not-a-bookmark-of-this-database"]
        unknown = _post(b, district, HOUSEHOLD, variables={"id": household["id"]},
                        extensions={"bookmarks": never_issued})  # fmt: skip
        assert [e["extensions"] for e in unknown["errors"]] == [
            {"code": "BAD_USER_INPUT", "field": "extensions.bookmarks"}
        ], unknown


@pytest.mark.parametrize(
    ("bookmarks", "what"),
    [
        ("FB:one", "a string, not a list"),
        ([1], "not strings"),
        (["FB:x"] * 17, "too many"),
        (["FB:" + "A" * 600], "too long"),
        (["FB:with space"], "not printable ASCII"),
    ],
)
def test_malformed_bookmarks_are_refused_before_anything_runs(
    http: httpx.Client, settings: Settings, world: World, bookmarks: object, what: str
) -> None:
    clerk = mint_development_token(settings, world.staff["lincoln_office"])
    response = http.post(
        "/graphql",
        json={"query": "{ myAccess { status } }", "extensions": {"bookmarks": bookmarks}},
        headers={"authorization": f"Bearer {clerk}"},
    )
    body = response.json()
    assert body["data"] is None, what
    assert body["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "extensions.bookmarks",
    }, what
