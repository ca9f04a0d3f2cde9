"""Per-request DataLoaders: however many objects a query reaches, each kind is fetched in
one Cypher round trip per "as of" date, so round trips don't grow with the results."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date
from typing import TypeVar

from neo4j import AsyncDriver
from strawberry.dataloader import DataLoader

from graph_service.db.scope import PersonScope, households_of_people

Key = tuple[str, date]  # (id, as of)
V = TypeVar("V")
Batch = Callable[[list[Key]], Awaitable[Sequence[V | None]]]


def _by_date(
    fetch: Callable[[list[str], date], Awaitable[Mapping[str, V]]],
) -> Batch[V]:
    """A DataLoader batch function: one fetch per distinct date, answers in key order."""

    async def load(keys: list[Key]) -> Sequence[V | None]:
        ids_by_day: dict[date, list[str]] = defaultdict(list)
        for identifier, day in keys:
            ids_by_day[day].append(identifier)
        found: dict[Key, V] = {}
        for day, ids in ids_by_day.items():
            for identifier, value in (await fetch(sorted(set(ids)), day)).items():
                found[(identifier, day)] = value
        return [found.get(key) for key in keys]

    return load


class Loaders:
    """Built fresh in each request's context; caches live and die with the request. Reads of
    households and people are compiled statements (services/compiled_reads.py); what is left
    here serves the mutations' scope checks."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        async def scopes(ids: list[str], day: date) -> dict[str, PersonScope]:
            return await households_of_people(driver, person_ids=ids, as_of=day, database=database)

        load_scopes: Batch[PersonScope] = _by_date(scopes)
        self.person_scope = DataLoader[Key, PersonScope | None](load_scopes)
