"""Staff reference data: job roles, schools and central-office teams (transaction steps)."""

from __future__ import annotations

from datetime import datetime

from neo4j import AsyncManagedTransaction
from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from graph_service.access.facts import RoleCategory
from graph_service.db.access_values import stored
from graph_service.db.cypher import cypher
from graph_service.db.run import fetch_all


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", alias_generator=to_camel, populate_by_name=True
    )


class JobRole(_Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    category: RoleCategory
    office_professional: bool = False


class School(_Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)


class CentralOfficeTeam(_Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    approved_for_household_access: bool = False


class ReferenceData(_Model):
    """What an access administrator loads: roles, schools and teams (any may be empty)."""

    roles: list[JobRole] = []
    schools: list[School] = []
    teams: list[CentralOfficeTeam] = []


async def save_reference_data(
    tx: AsyncManagedTransaction, *, data: ReferenceData, actor: str, now: datetime
) -> None:
    """Create or update every role, school and team by id (other properties are kept)."""
    stamp = {"actor": actor, "now": stored(now)}
    if data.roles:
        await fetch_all(
            tx,
            cypher("staff/upsert_job_roles"),
            roles=[r.model_dump(by_alias=True, mode="json") for r in data.roles],
            **stamp,
        )
    if data.schools:
        await fetch_all(
            tx,
            cypher("staff/upsert_schools"),
            schools=[s.model_dump(by_alias=True) for s in data.schools],
            **stamp,
        )
    if data.teams:
        await fetch_all(
            tx,
            cypher("staff/upsert_teams"),
            teams=[t.model_dump(by_alias=True) for t in data.teams],
            **stamp,
        )


async def staff_affected_by(
    tx: AsyncManagedTransaction, *, role_ids: list[str], location_ids: list[str]
) -> list[str]:
    """Employee ids of staff currently holding one of the roles or working at one of the
    locations: the people whose access a reference-data change can alter."""
    found = await fetch_all(
        tx, cypher("staff/staff_affected_by"), roleIds=role_ids, locationIds=location_ids
    )
    return [row["employeeId"] for row in found]
