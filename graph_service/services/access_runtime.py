"""What every access use case runs with: the driver, the database, the policy and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from neo4j import AsyncDriver

from graph_service.access.policy import Policy
from graph_service.access.settings import AccessSettings
from graph_service.clock import Clock


@dataclass(frozen=True)
class AccessRuntime:
    """Built once at start (or per test) and passed to the access services."""

    driver: AsyncDriver
    database: str
    policy: Policy
    clock: Clock

    def now(self) -> datetime:
        """The current instant by the runtime's clock."""
        return self.clock.now()

    def today(self) -> date:
        """The district-local date now: where business days and June 30 are measured."""
        return self.clock.now().astimezone(self.policy.zone).date()


def build_access_runtime(driver: AsyncDriver, database: str) -> AccessRuntime:
    """The runtime the service starts with: policy and clock from AccessSettings. Call it at
    start so an invalid policy file (InvalidPolicy) or a pinned clock in production
    (ValidationError) stops the service before it serves anything."""
    settings = AccessSettings()
    return AccessRuntime(driver, database, settings.policy(), settings.clock())
