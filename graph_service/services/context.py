"""What every use case runs with: the driver and database, who is acting, and the clock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, tzinfo
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.exceptions import ConstraintError, IncompleteCommit

from graph_service.clock import Clock, today
from graph_service.db import audit
from graph_service.db.availability import write_in_flight
from graph_service.db.bookmarks import causal_chain
from graph_service.db.idempotency import claim_write, settle_write
from graph_service.db.run import Stamp
from graph_service.domain.relationship_types import RelationshipTypeCatalogue, default_catalogue
from graph_service.errors import Conflict, NotFound, StaleVersion
from graph_service.services.idempotency import (
    KEY_LIFETIME,
    AlreadyApplied,
    IdempotencyClaim,
    OutcomeUnknown,
)

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
    # The write's Idempotency-Key, recorded in the same transaction (services/idempotency.py).
    idempotency: IdempotencyClaim | None = None

    def today(self) -> date:
        """The district's calendar date now: the default "as of" and effective date."""
        return today(self.clock, self.zone)

    def stamp(self) -> Stamp:
        return Stamp(actor=self.actor_id, now=self.clock.now())

    async def write(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Run `work` as one managed write transaction. A ServiceError raised inside rolls
        everything back; a uniqueness constraint hit becomes a Conflict."""

        claim = self.idempotency
        now = self.clock.now().astimezone(UTC)

        in_flight = write_in_flight.get()

        async def work_then_audit(tx: AsyncManagedTransaction) -> T:
            if in_flight is not None:
                in_flight.committing = False  # a retried attempt starts over, uncommitted
            if claim is not None:
                await claim_write(
                    tx, key=claim.key, fingerprint=claim.fingerprint, operation=claim.operation,
                    actor=self.actor_id, now=now, expired_before=now - KEY_LIFETIME,
                )  # fmt: skip
            result = await work(tx)
            if claim is not None:
                await settle_write(tx, key=claim.key, outcome_id=claim.outcome_of(result))
            await audit.append(tx, list(self.audit))
            if in_flight is not None:
                in_flight.committing = True  # what the driver does next is commit
            return result

        async with self.driver.session(
            database=self.database, bookmark_manager=causal_chain(self.driver)
        ) as session:
            try:
                committed = await session.execute_write(work_then_audit)
            except ConstraintError as error:
                if claim is not None and "IdempotentWrite" in (error.message or ""):
                    raise AlreadyApplied from None
                raise Conflict(_constraint_message(error)) from None
            except IncompleteCommit:
                raise OutcomeUnknown(keyed=claim is not None) from None
            finally:
                if in_flight is not None:
                    in_flight.committing = False
            if in_flight is not None:
                in_flight.committed = True
            return committed


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
