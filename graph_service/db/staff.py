"""Staff reference data: job roles, schools and central-office teams, and HR assignments."""

from __future__ import annotations

from datetime import datetime

from neo4j import AsyncDriver
from pydantic import BaseModel, ConfigDict

from graph_service.access.facts import RoleCategory
from graph_service.db.access_values import stored
from graph_service.db.cypher import cypher


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class JobRole(_Model):
    id: str
    name: str
    category: RoleCategory
    office_professional: bool = False


class School(_Model):
    id: str
    name: str


class CentralOfficeTeam(_Model):
    id: str
    name: str
    approved_for_household_access: bool = False


async def upsert_job_roles(
    driver: AsyncDriver, *, roles: list[JobRole], actor: str, now: datetime, database: str
) -> int:
    """Create or update job roles by id; returns how many were saved."""
    records, _, _ = await driver.execute_query(
        cypher("staff/upsert_job_roles"),
        roles=[
            {
                "id": r.id,
                "name": r.name,
                "category": r.category.value,
                "officeProfessional": r.office_professional,
            }
            for r in roles
        ],
        actor=actor,
        now=stored(now),
        database_=database,
    )
    return int(records[0]["saved"])


async def upsert_schools(
    driver: AsyncDriver, *, schools: list[School], actor: str, now: datetime, database: str
) -> int:
    """Create schools or rename them; other properties of an existing school are left alone."""
    records, _, _ = await driver.execute_query(
        cypher("staff/upsert_schools"),
        schools=[{"id": s.id, "name": s.name} for s in schools],
        actor=actor,
        now=stored(now),
        database_=database,
    )
    return int(records[0]["saved"])


async def upsert_teams(
    driver: AsyncDriver,
    *,
    teams: list[CentralOfficeTeam],
    actor: str,
    now: datetime,
    database: str,
) -> int:
    """Create or update central-office teams, including whether they are approved."""
    records, _, _ = await driver.execute_query(
        cypher("staff/upsert_teams"),
        teams=[
            {
                "id": t.id,
                "name": t.name,
                "approvedForHouseholdAccess": t.approved_for_household_access,
            }
            for t in teams
        ],
        actor=actor,
        now=stored(now),
        database_=database,
    )
    return int(records[0]["saved"])
