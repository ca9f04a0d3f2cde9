"""What every access use case runs with: the driver, the database, the policy and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from neo4j import AsyncDriver

from graph_service.access.policy import Policy
from graph_service.clock import Clock


@dataclass(frozen=True)
class AccessRuntime:
    """Built once at start (or per test) and passed to the access services."""

    driver: AsyncDriver
    database: str
    policy: Policy
    clock: Clock

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        """The district-local date now: where business days and June 30 are measured."""
        return self.clock.now().astimezone(self.policy.zone).date()
