"""Household and person reads for many ids in one round trip (the API's DataLoaders)."""

from __future__ import annotations

from datetime import date

from neo4j import AsyncDriver

from graph_service.db.cypher import cypher
from graph_service.db.run import read_all
from graph_service.domain.households import HouseholdView
from graph_service.domain.person_view import PersonGraph


async def get_household_views(
    driver: AsyncDriver, *, household_ids: list[str], as_of: date, database: str
) -> dict[str, HouseholdView]:
    """The households that exist among `household_ids`, by id, as they were on `as_of`."""
    rows = await read_all(
        driver,
        cypher("households/get_household_views"),
        database=database,
        householdIds=household_ids,
        asOf=as_of,
    )
    views = [HouseholdView.model_validate({**row, "asOf": as_of}) for row in rows]
    return {view.household.id: view for view in views}


async def get_person_graphs(
    driver: AsyncDriver, *, person_ids: list[str], as_of: date, database: str
) -> dict[str, PersonGraph]:
    """The people that exist among `person_ids`, by id, with what held on `as_of`."""
    rows = await read_all(
        driver,
        cypher("people/get_person_graphs"),
        database=database,
        personIds=person_ids,
        asOf=as_of,
    )
    graphs = [PersonGraph.model_validate(row) for row in rows]
    return {graph.person.id: graph for graph in graphs}
