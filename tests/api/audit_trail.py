"""Reading the audit trail the service under test writes, for API tests.

Reads are audited through a queue written every few seconds (services/read_audit.py), so a
test takes the trail as it was, makes its requests, then waits for their entries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from neo4j import GraphDatabase

from graph_service.db.cypher import cypher
from graph_service.graphql.ids import from_global_id
from graph_service.services.read_audit import FLUSH_EVERY_SECONDS
from graph_service.settings import Settings

Entry = dict[str, Any]


def entries_of(settings: Settings, actor: str) -> dict[str, Entry]:
    """Every audit entry of `actor`, by entry id."""
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with GraphDatabase.driver(settings.bolt_uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(
            cypher("testing/audit_entries_of_actor"),
            actor=actor,
            database_=settings.neo4j_database,
        )
    return {record["entry"]["id"]: dict(record["entry"]) for record in records}


def settle() -> None:
    """Let entries queued by earlier requests reach the trail before a test looks at it."""
    time.sleep(FLUSH_EVERY_SECONDS + 0.5)


def new_entries(
    settings: Settings,
    actor: str,
    before: dict[str, Entry],
    until: Callable[[list[Entry]], bool],
    timeout: float = 4 * FLUSH_EVERY_SECONDS,
) -> list[Entry]:
    """The entries `actor` gained since `before`, once `until` holds for them (or the time
    is up: the caller's assertions then say what is missing)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [e for key, e in entries_of(settings, actor).items() if key not in before]
        if until(found) or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def records_in(data: Any) -> set[str]:
    """The raw ids of every household and person an answer names by global id, wherever."""
    found: set[str] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and (decoded := from_global_id(item)) is not None:
            found.add(decoded[1])
    return found
