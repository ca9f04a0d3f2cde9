"""What a use case runs with: the runtime, who is acting, and what its write records."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.clock import Clock
from graph_service.db.run import Stamp
from graph_service.domain.relationship_types import RelationshipTypeCatalogue
from graph_service.errors import NotFound, StaleVersion
from graph_service.services.idempotency import IdempotencyClaim
from graph_service.services.runtime import Runtime

T = TypeVar("T")


@dataclass(frozen=True)
class UseCaseContext:
    """Built per request by the caller (the access gate, a script, a test): the one runtime
    acting as `actor_id`."""

    runtime: Runtime
    actor_id: str
    # Audit entries for this change, appended in its own transaction (the API's write audit).
    audit: tuple[dict[str, Any], ...] = ()
    # The write's Idempotency-Key, recorded in the same transaction (services/idempotency.py).
    idempotency: IdempotencyClaim | None = None

    @property
    def driver(self) -> AsyncDriver:
        return self.runtime.driver

    @property
    def database(self) -> str:
        return self.runtime.database

    @property
    def clock(self) -> Clock:
        return self.runtime.clock

    @property
    def catalogue(self) -> RelationshipTypeCatalogue:
        return self.runtime.catalogue

    def now(self) -> datetime:
        return self.runtime.now()

    def today(self) -> date:
        """The runtime's today (the district's date now)."""
        return self.runtime.today()

    def stamp(self) -> Stamp:
        return Stamp(actor=self.actor_id, now=self.runtime.now())

    async def write(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Run `work` as the runtime's one write transaction, acting as the actor, with this
        use case's audit entries and idempotency claim."""
        return await self.runtime.write(
            work, actor=self.actor_id, audit=self.audit, idempotency=self.idempotency
        )


def require_version(kind: str, identifier: str, expected: int, seen: int | None) -> None:
    """NotFound when the object is missing, StaleVersion when someone changed it first."""
    if seen is None:
        raise NotFound(kind, identifier)
    if seen != expected:
        raise StaleVersion(kind, identifier, expected, seen)
