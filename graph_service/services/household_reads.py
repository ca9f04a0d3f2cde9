"""Reads of households and people as of a day (default: today on the service clock)."""

from __future__ import annotations

from datetime import date

from graph_service.db import households as household_data
from graph_service.db import people as people_data
from graph_service.domain.households import HouseholdHistory, HouseholdView
from graph_service.domain.person_view import PersonView, person_view
from graph_service.errors import NotFound
from graph_service.services.context import UseCaseContext


async def get_household(
    ctx: UseCaseContext, household_id: str, *, as_of: date | None = None
) -> HouseholdView:
    """The household with its members, addresses and phones on `as_of`. One round trip."""
    day = as_of or ctx.today()
    view = await household_data.get_household(
        ctx.driver, household_id=household_id, as_of=day, database=ctx.database
    )
    if view is None:
        raise NotFound("Household", household_id)
    return view


async def get_person(
    ctx: UseCaseContext, person_id: str, *, as_of: date | None = None
) -> PersonView:
    """The person with households, relationships (household / non-household), guardians,
    emergency contacts in order, enrolments and phones on `as_of`. One round trip."""
    day = as_of or ctx.today()
    graph = await people_data.get_person(
        ctx.driver, person_id=person_id, as_of=day, database=ctx.database
    )
    if graph is None:
        raise NotFound("Person", person_id)
    return person_view(graph, as_of=day, catalogue=ctx.catalogue)


async def get_household_history(ctx: UseCaseContext, household_id: str) -> HouseholdHistory:
    """Every membership, location and relationship among its members, dated. One round trip."""
    history = await household_data.get_household_history(
        ctx.driver, household_id=household_id, database=ctx.database
    )
    if history is None:
        raise NotFound("Household", household_id)
    return history
