"""The runtime's former name, kept for code written against it: see services/runtime.py."""

from __future__ import annotations

from neo4j import AsyncDriver

from graph_service.access.settings import AccessSettings
from graph_service.services.runtime import Runtime

AccessRuntime = Runtime


def build_access_runtime(driver: AsyncDriver, database: str) -> Runtime:
    """A runtime with policy and clock from AccessSettings (services.runtime.build_runtime
    is the service's own)."""
    settings = AccessSettings()
    return Runtime(driver, database, settings.policy(), settings.clock())
