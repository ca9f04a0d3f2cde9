from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.db.migrations import (
    Migration,
    applied_migrations,
    is_schema_statement,
    known_migrations,
    migrate,
)
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


PROBE = "9999_migration_with_backfill"


async def _probe_index_states(db: AsyncDriver, database: str) -> list[str]:
    """The states of the probe migration's two schema objects."""
    states, _, _ = await db.execute_query(
        cypher("testing/index_states"),
        names=["migration_probe_key", "migration_probe_name_unique"],
        database_=database,
    )
    return sorted(record["state"] for record in states)


@pytest.fixture
async def probe_migration(db: AsyncDriver, settings: Settings) -> AsyncIterator[Migration]:
    """A migration holding schema then a batched backfill; its traces go afterwards."""
    statements = (
        cypher("testing/migration_probe_index"),
        cypher("testing/migration_probe_constraint"),
        cypher("testing/migration_probe_backfill"),
    )
    yield Migration(PROBE, statements, checksum="probe")
    database = settings.neo4j_database
    for statement in (
        cypher("testing/drop_migration_probe_constraint"),
        cypher("testing/drop_migration_probe_index"),
        cypher("testing/wipe_data"),
    ):
        await db.execute_query(statement, database_=database)
    await db.execute_query(cypher("testing/forget_migration"), name=PROBE, database_=database)


async def test_a_data_statement_runs_after_its_migrations_schema_is_online(
    db: AsyncDriver, settings: Settings, probe_migration: Migration
) -> None:
    database = settings.neo4j_database
    await db.execute_query(
        cypher("testing/create_migration_probes"), names=["a", "b", "c"], database_=database
    )
    assert [is_schema_statement(s) for s in probe_migration.statements] == [True, True, False]

    assert await migrate(db, database=database, migrations=[probe_migration]) == [PROBE]

    records, _, _ = await db.execute_query(
        cypher("testing/migration_probe_state"), name=PROBE, database_=database
    )
    assert sorted(records[0]["keys"]) == ["A", "B", "C"]
    assert records[0]["records"] == 1
    assert await _probe_index_states(db, database) == ["ONLINE", "ONLINE"]
    assert await migrate(db, database=database, migrations=[probe_migration]) == []


async def test_without_backfills_only_the_schema_is_applied_and_the_migration_recorded(
    db: AsyncDriver, settings: Settings, probe_migration: Migration
) -> None:
    """What the bulk path asks of a store the importer has just written whole."""
    database = settings.neo4j_database
    await db.execute_query(
        cypher("testing/create_migration_probes"), names=["a"], database_=database
    )

    applied = await migrate(db, database=database, migrations=[probe_migration], backfills=False)

    assert applied == [PROBE]
    records, _, _ = await db.execute_query(
        cypher("testing/migration_probe_state"), name=PROBE, database_=database
    )
    assert records[0]["keys"] == []  # the backfill did not run (collect drops nulls)
    assert records[0]["records"] == 1
    assert await _probe_index_states(db, database) == ["ONLINE", "ONLINE"]
