"""The audit trail is append-only: no statement but the append touches AuditEvent nodes with
anything that could change or remove them."""

from __future__ import annotations

import re

from graph_service.db.cypher import cypher, statement_names

APPEND = "audit/append_audit_events"
CHANGES = re.compile(r"\b(SET|REMOVE|DELETE|MERGE)\b")


def test_only_the_append_statement_writes_audit_events() -> None:
    writers = [
        name
        for name in statement_names()
        if "AuditEvent" in cypher(name) and CHANGES.search(cypher(name)) and name != APPEND
    ]
    assert writers == []


def test_the_append_statement_only_creates() -> None:
    """It merges on the entry's id only to leave an entry already recorded as it was (a
    batch sent again): it sets properties on creation and never on a match."""
    code = "\n".join(
        line for line in cypher(APPEND).splitlines() if not line.lstrip().startswith("//")
    )
    assert "MERGE (a:AuditEvent {id: event.id})" in code
    assert re.search(r"ON CREATE SET a = event", code)
    assert not re.search(r"\b(ON MATCH|DELETE|REMOVE|MATCH)\b", code.replace("ON CREATE", ""))
    assert code.count("SET") == 1
