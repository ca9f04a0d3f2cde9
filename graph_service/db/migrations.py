"""Schema migrations: ordered Cypher files applied once each and recorded in the graph."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import LiteralString

from neo4j import AsyncDriver

from graph_service.db.cypher import cypher, statement_names

_PREFIX = "migrations/"
_SCHEMA = re.compile(r"(CREATE|DROP)\s+(\w+\s+)?(INDEX|CONSTRAINT)\b", re.IGNORECASE)
# A 1,000,000-household district's indexes populate in minutes on a small machine.
INDEX_TIMEOUT_SECONDS = 3600.0


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[LiteralString, ...]
    checksum: str


def known_migrations() -> list[Migration]:
    """Every migration shipped, in the order its file name gives."""
    return [
        migration_from(full_name.removeprefix(_PREFIX), cypher(full_name))
        for full_name in statement_names()
        if full_name.startswith(_PREFIX)
    ]


def migration_from(name: str, text: LiteralString) -> Migration:
    """The migration a Cypher file's `text` holds, recorded under `name`."""
    checksum = hashlib.sha256(text.encode()).hexdigest()
    return Migration(name, tuple(split_statements(text)), checksum)


def split_statements(text: LiteralString) -> list[LiteralString]:
    """Schema commands can't share a transaction, so a migration file may hold several,
    each ending with `;` at the end of a line. `//` comment lines are dropped first."""
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    parts = re.split(r";[ \t]*(?:\n|$)", code)
    return [part.strip() for part in parts if part.strip()]


async def applied_migrations(driver: AsyncDriver, *, database: str) -> set[str]:
    """Names of the migrations recorded in the graph."""
    records, _, _ = await driver.execute_query(
        cypher("meta/applied_migrations"), database_=database, routing_="r"
    )
    return {record["name"] for record in records}


async def pending_migrations(
    driver: AsyncDriver, *, database: str, migrations: Sequence[Migration] | None = None
) -> list[Migration]:
    """Those of `migrations` (default: every one shipped) not recorded yet, in order."""
    done = await applied_migrations(driver, database=database)
    wanted = known_migrations() if migrations is None else migrations
    return [migration for migration in wanted if migration.name not in done]


async def migrate(
    driver: AsyncDriver,
    *,
    database: str,
    migrations: Sequence[Migration] | None = None,
    index_timeout: float = INDEX_TIMEOUT_SECONDS,
    backfills: bool = True,
) -> list[str]:
    """Apply what is not applied yet; running it again changes nothing. Returns the names.

    Each schema statement commits on its own, in file order, and nothing waits for a plain
    index to populate until the end (or until a data statement, such as a backfill after a
    migration's schema, which then runs on indexes already online): a constraint populates
    its index while its statement runs, and meanwhile the plain indexes created before it
    populate on the server's other threads. (All schema in one transaction was measured
    slower: its constraints populate one after the other and its indexes only start at the
    commit; see docs/loading.md.) A migration is recorded once all its statements are
    applied; schema statements use IF NOT EXISTS, so a run cut short is safe to repeat.

    `backfills=False` applies only the schema statements (the data statements' migrations are
    still recorded): for a store the bulk importer has just written whole, in the shape
    today's statements write, where a backfill would find nothing to change but would still
    read the whole graph (the school listings' cost ~20 s of server CPU at 100,000
    households)."""
    applied: list[str] = []
    done: list[Migration] = []  # applied but not yet recorded
    populating = False

    async def settle() -> None:
        nonlocal populating
        if populating:
            await _await_indexes(driver, database, index_timeout)
            populating = False
        if done:
            await _record(driver, database, done)
            applied.extend(migration.name for migration in done)
            done.clear()

    for migration in await pending_migrations(driver, database=database, migrations=migrations):
        for statement in migration.statements:
            if is_schema_statement(statement):
                await driver.execute_query(statement, database_=database)
                populating = True
            elif backfills:
                await settle()
                await _run_data_statement(driver, database, statement)
        done.append(migration)
    await settle()
    return applied


def is_schema_statement(statement: str) -> bool:
    """CREATE/DROP of an index or constraint (anything else in a migration is data)."""
    code = "\n".join(line for line in statement.splitlines() if not line.lstrip().startswith("//"))
    return _SCHEMA.match(code.lstrip()) is not None


async def _await_indexes(driver: AsyncDriver, database: str, seconds: float) -> None:
    await driver.execute_query(
        cypher("meta/await_indexes"), timeoutSeconds=int(seconds), database_=database
    )


async def _run_data_statement(driver: AsyncDriver, database: str, statement: LiteralString) -> None:
    # An auto-commit transaction, so that a backfill over a large graph may commit in
    # batches with CALL { ... } IN TRANSACTIONS (a managed transaction refuses that).
    async with driver.session(database=database) as session:
        await (await session.run(statement)).consume()


async def _record(driver: AsyncDriver, database: str, migrations: list[Migration]) -> None:
    await driver.execute_query(
        cypher("meta/record_migrations"),
        migrations=[{"name": m.name, "checksum": m.checksum} for m in migrations],
        database_=database,
    )
