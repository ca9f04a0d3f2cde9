"""What every use case runs with: the driver and database, who is acting, and the clock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.exceptions import ConstraintError

from graph_service.clock import Clock, today
from graph_service.db import audit
from graph_service.db.run import Stamp
from graph_service.domain.relationship_types import RelationshipTypeCatalogue, default_catalogue
from graph_service.errors import Conflict, NotFound, StaleVersion

T = TypeVar("T")


@dataclass(frozen=True)
class UseCaseContext:
    """Built per request by the caller (the GraphQL layer, a script, a test)."""

    driver: AsyncDriver
    database: str
    actor_id: str
    clock: Clock
    zone: tzinfo = field(default_factory=lambda: ZoneInfo("UTC"))
    catalogue: RelationshipTypeCatalogue = field(default_factory=default_catalogue)
    # Audit entries for this change, appended in its own transaction (the API's write audit).
    audit: tuple[dict[str, Any], ...] = ()

    def today(self) -> date:
        """The district's calendar date now: the default "as of" and effective date."""
        return today(self.clock, self.zone)

    def stamp(self) -> Stamp:
        return Stamp(actor=self.actor_id, now=self.clock.now())

    async def write(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Run `work` as one managed write transaction. A ServiceError raised inside rolls
        everything back; a uniqueness constraint hit becomes a Conflict."""

        async def work_then_audit(tx: AsyncManagedTransaction) -> T:
            result = await work(tx)
            await audit.append(tx, list(self.audit))
            return result

        async with self.driver.session(database=self.database) as session:
            try:
                return await session.execute_write(work_then_audit)
            except ConstraintError as error:
                raise Conflict(_constraint_message(error)) from None


def _constraint_message(error: ConstraintError) -> str:
    text = error.message or ""
    # Neo4j names the property in its message ("... property `studentNumber` = 'S-1'").
    for prop, what in (("studentNumber", "student number"), ("stateId", "state id")):
        if prop in text:
            return f"another person already has this {what}"
    return "the change would duplicate a record that must be unique"


def require_version(kind: str, identifier: str, expected: int, seen: int | None) -> None:
    """NotFound when the object is missing, StaleVersion when someone changed it first."""
    if seen is None:
        raise NotFound(kind, identifier)
    if seen != expected:
        raise StaleVersion(kind, identifier, expected, seen)
