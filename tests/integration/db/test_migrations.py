from __future__ import annotations

from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.db.migrations import applied_migrations, known_migrations, migrate
from graph_service.settings import Settings


async def test_migrations_are_recorded_and_idempotent(db: AsyncDriver, settings: Settings) -> None:
    database = settings.neo4j_database
    assert await migrate(db, database=database) == []  # the session fixture applied them
    assert await applied_migrations(db, database=database) == {m.name for m in known_migrations()}
    assert await migrate(db, database=database) == []


async def test_constraints_from_migrations_exist(db: AsyncDriver, settings: Settings) -> None:
    records, _, _ = await db.execute_query(
        cypher("testing/constraint_names"), database_=settings.neo4j_database
    )
    names = {record["name"] for record in records}
    assert {"schema_migration_name_unique", "household_id_unique", "person_id_unique"} <= names
