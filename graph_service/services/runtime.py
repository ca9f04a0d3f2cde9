"""The one runtime: what every service and use case runs with, built once at start.

The app's lifespan (and each command, script or test) builds one `Runtime`: the driver and
database, the access policy in force, the clock, the relationship-type catalogue and the
settings. From it come the one "today" (the district's date by the clock) and the one
write transaction (`write`): the idempotency claim, the audit append, the in-flight mark
an outage answer relies on, the causal bookmarks, and the driver's errors as ours.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any, TypeVar

from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.exceptions import ConstraintError, IncompleteCommit

from graph_service.access.engine import local_date
from graph_service.access.policy import Policy
from graph_service.access.settings import AccessSettings
from graph_service.clock import Clock
from graph_service.db import audit as audit_trail
from graph_service.db.availability import write_in_flight
from graph_service.db.bookmarks import causal_chain
from graph_service.db.idempotency import claim_write, settle_write
from graph_service.domain.relationship_types import RelationshipTypeCatalogue, default_catalogue
from graph_service.errors import Conflict
from graph_service.services.idempotency import (
    KEY_LIFETIME,
    AlreadyApplied,
    IdempotencyClaim,
    OutcomeUnknown,
)
from graph_service.settings import Settings

T = TypeVar("T")


@dataclass(frozen=True)
class Runtime:
    """Built once at start (or per command, script or test); shared by every request."""

    driver: AsyncDriver
    database: str
    policy: Policy
    clock: Clock
    catalogue: RelationshipTypeCatalogue = field(default_factory=default_catalogue)
    # The service's settings (the app passes its own; a script or test, the environment's).
    settings: Settings = field(default_factory=Settings)

    @property
    def zone(self) -> tzinfo:
        """The district's time zone (the policy's): where days begin and end."""
        return self.policy.zone

    def now(self) -> datetime:
        """The current instant by the runtime's clock."""
        return self.clock.now()

    def today(self) -> date:
        """The district-local date now: the default "as of", effective date and business
        day, for reads, writes and the access policy alike."""
        return local_date(self.clock.now(), self.policy)

    async def read(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Run `work` as one managed read transaction, after every write this process made."""
        async with self.driver.session(
            database=self.database, bookmark_manager=causal_chain(self.driver)
        ) as session:
            return await session.execute_read(work)

    async def write(
        self,
        work: Callable[[AsyncManagedTransaction], Awaitable[T]],
        *,
        actor: str,
        audit: Sequence[dict[str, Any]] = (),
        idempotency: IdempotencyClaim | None = None,
    ) -> T:
        """Run `work` as one managed write transaction, with `audit` appended and the
        `idempotency` claim recorded in it. A ServiceError raised inside rolls everything
        back; a uniqueness constraint hit becomes a Conflict (AlreadyApplied for the claim's
        key); a connection lost while committing, OutcomeUnknown."""
        claim = idempotency
        now = self.clock.now().astimezone(UTC)
        entries = list(audit)
        in_flight = write_in_flight.get()

        async def work_then_audit(tx: AsyncManagedTransaction) -> T:
            if in_flight is not None:
                in_flight.committing = False  # a retried attempt starts over, uncommitted
            if claim is not None:
                await claim_write(
                    tx, key=claim.key, fingerprint=claim.fingerprint, operation=claim.operation,
                    actor=actor, now=now, expired_before=now - KEY_LIFETIME,
                )  # fmt: skip
            result = await work(tx)
            if claim is not None:
                await settle_write(tx, key=claim.key, outcome_id=claim.outcome_of(result))
            await audit_trail.append(tx, entries)
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


def build_runtime(
    driver: AsyncDriver, settings: Settings, *, clock: Clock | None = None
) -> Runtime:
    """The runtime the service starts with: policy and clock from AccessSettings (`clock`
    pins another). Call it at start so an invalid policy file (InvalidPolicy) or a pinned
    clock in production (ValidationError) stops the service before it serves anything."""
    access = AccessSettings()
    return Runtime(
        driver, settings.neo4j_database, access.policy(), clock or access.clock(), settings=settings
    )


def _constraint_message(error: ConstraintError) -> str:
    text = error.message or ""
    # Neo4j names the property in its message ("... property `studentNumber` = 'S-1'").
    for prop, what in (("studentNumber", "student number"), ("stateId", "state id")):
        if prop in text:
            return f"another person already has this {what}"
    return "the change would duplicate a record that must be unique"
