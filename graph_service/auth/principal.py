"""The authenticated caller, as the rest of the service sees it."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class PlatformRole(StrEnum):
    """Roles for platform operations, carried in the token's `roles` claim."""

    ACCESS_ADMIN = "access-admin"
    INTEGRATION_FEED = "integration-feed"
    # Where only registered operations run (trusted documents), this role may still send
    # ad-hoc queries: a support engineer's explorer session.
    AD_HOC_QUERIES = "ad-hoc-queries"


class Principal(BaseModel):
    """A verified caller: `employee_id` is the token's `sub`."""

    model_config = ConfigDict(frozen=True)

    employee_id: str
    roles: frozenset[PlatformRole] = frozenset()

    def has_role(self, role: PlatformRole) -> bool:
        return role in self.roles
