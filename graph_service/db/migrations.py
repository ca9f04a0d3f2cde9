"""Schema migrations: ordered Cypher files applied once each and recorded in the graph."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import LiteralString

from neo4j import AsyncDriver

from graph_service.db.cypher import cypher, statement_names

_PREFIX = "migrations/"
_IN_TRANSACTIONS = re.compile(r"\}\s*IN\s+TRANSACTIONS\b")


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[LiteralString, ...]
    checksum: str


def known_migrations() -> list[Migration]:
    """Every migration shipped, in the order its file name gives."""
    migrations = []
    for full_name in statement_names():
        if not full_name.startswith(_PREFIX):
            continue
        text = cypher(full_name)
        statements = tuple(split_statements(text))
        checksum = hashlib.sha256(text.encode()).hexdigest()
        migrations.append(Migration(full_name.removeprefix(_PREFIX), statements, checksum))
    return migrations


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


async def pending_migrations(driver: AsyncDriver, *, database: str) -> list[Migration]:
    done = await applied_migrations(driver, database=database)
    return [migration for migration in known_migrations() if migration.name not in done]


async def migrate(driver: AsyncDriver, *, database: str) -> list[str]:
    """Apply what is not applied yet; running it again changes nothing. Returns the names."""
    applied = []
    for migration in await pending_migrations(driver, database=database):
        for statement in migration.statements:
            # Schema statements use IF NOT EXISTS and data statements merge, so a migration
            # cut short is safe to rerun.
            await _run(driver, database, statement)
        await driver.execute_query(
            cypher("meta/record_migration"),
            name=migration.name,
            checksum=migration.checksum,
            database_=database,
        )
        applied.append(migration.name)
    return applied


async def _run(driver: AsyncDriver, database: str, statement: LiteralString) -> None:
    if _IN_TRANSACTIONS.search(statement):
        # A data statement that commits in batches must run outside a transaction of its own.
        async with driver.session(database=database) as session:
            await (await session.run(statement)).consume()
    else:
        await driver.execute_query(statement, database_=database)
