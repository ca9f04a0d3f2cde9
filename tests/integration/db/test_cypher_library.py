"""Every statement in `cypher/` compiles against the real database, fragments included: a
statement only some rare path runs (a merge's undo, a test fixture) fails here, not there."""

from __future__ import annotations

from neo4j import AsyncDriver, NotificationMinimumSeverity

from graph_service.db.cypher import cypher, statement_names
from graph_service.db.migrations import is_schema_statement, known_migrations
from graph_service.settings import Settings


async def test_every_statement_compiles(db: AsyncDriver, settings: Settings) -> None:
    names = [name for name in statement_names() if not name.startswith("migrations/")]
    statements = [(name, cypher(name)) for name in names]
    statements += [
        (f"migrations/{migration.name}", statement)
        for migration in known_migrations()
        for statement in migration.statements
        if not is_schema_statement(statement)  # schema: applied by the session fixture
    ]
    refused = {}
    async with db.session(
        database=settings.neo4j_database,
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    ) as session:
        for name, statement in statements:
            try:
                await (await session.run("EXPLAIN " + statement)).consume()
            except Exception as error:  # every refusal is reported together
                refused[name] = str(error)[:300]
    assert len(statements) > 150
    assert refused == {}
