"""What the driver remembers of the statements it ran, for Neo4j to plan them again after a
restart: their latest few, with parameters of the same types and sizes and no values."""

from __future__ import annotations

from datetime import UTC, date, datetime

from graph_service.db.cypher import cypher
from graph_service.db.warm_plans import RECENT, RecentStatements, writes


def test_parameters_keep_their_types_and_sizes_but_not_their_values() -> None:
    recent = RecentStatements()
    recent.ran(
        "MATCH (p:Person {lastName: $lastName}) RETURN p",
        {
            "lastName": "Okafor",
            "birthDate": date(2012, 2, 2),
            "now": datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
            "ids": ["p-1", "p-22"],
            "limit": 20,
            "events": [{"kind": "read", "count": 3}],
            "suffix": None,
        },
    )
    [(_, params, _)] = recent.latest_first()
    assert params == {
        "lastName": "xxxxxx",
        "birthDate": date(2000, 1, 1),
        "now": datetime(2000, 1, 1, tzinfo=UTC),
        "ids": ["xxx", "xxxx"],
        "limit": 0,
        "events": [{"kind": "xxxx", "count": 0}],
        "suffix": None,
    }


def test_the_latest_statements_are_kept_most_recent_first() -> None:
    recent = RecentStatements()
    for n in range(RECENT + 5):
        recent.ran(f"RETURN {n}", None)
    recent.ran("RETURN 10", {"n": 1})  # run again: the most recent now
    recent.ran("EXPLAIN RETURN 1", None)  # the planning itself is not remembered
    statements = [statement for statement, _, _ in recent.latest_first()]
    assert len(statements) == RECENT
    assert statements[0] == "RETURN 10"
    assert statements[1] == f"RETURN {RECENT + 4}"
    assert "RETURN 4" not in statements  # the oldest gave way


def test_a_statement_after_a_write_is_kept_apart_from_the_same_in_a_clean_transaction() -> None:
    # Neo4j caches the two plans apart, so both are planned again.
    recent = RecentStatements()
    recent.ran("MATCH (p:Person) RETURN p", None)
    recent.ran("MATCH (p:Person) RETURN p", None, after_changes=True)
    recent.ran(cypher("meta/uncommitted_change"), None)  # plan_again's own
    assert [(s, after) for s, _, after in recent.latest_first()] == [
        ("MATCH (p:Person) RETURN p", True),
        ("MATCH (p:Person) RETURN p", False),
    ]


def test_writes_are_told_by_their_updating_clauses_not_their_comments() -> None:
    assert writes("MATCH (p:Person {id: $id})\nSET p.lockedAt = $now")
    assert writes("MERGE (k:IdentityKey {key: $key})")
    assert writes("UNWIND $rows AS row\nCREATE (:AuditEvent {id: row.id})")
    assert not writes("// Create nothing: SET and MERGE only named here\nMATCH (p) RETURN p")
    assert not writes("MATCH (p:Person) WHERE p.offset > 0 RETURN p.createdAt AS created")
