"""Each steward view is one Cypher round trip, whatever it finds."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from functools import partial

import pytest

from graph_service.domain.steward import CensusRule, SharedBy
from graph_service.services import steward
from graph_service.services.context import UseCaseContext
from graph_service.testing.round_trips import CountingDriver
from tests.integration.steward.conftest import District


def _views(ctx: UseCaseContext, district: District) -> dict[str, Callable[[], Awaitable[object]]]:
    cal, eli = district.person("Cal Lee"), district.person("Eli Diaz")
    views: dict[str, Callable[[], Awaitable[object]]] = {
        "network": lambda: steward.relationship_network(ctx, cal, depth=3),
        "connection": lambda: steward.connection_between(ctx, cal, eli),
        "shared addresses": lambda: steward.households_sharing(ctx, SharedBy.ADDRESS, ever=True),
        "shared phones": lambda: steward.households_sharing(ctx, SharedBy.PHONE),
        "shared by one household": lambda: steward.households_sharing(
            ctx, SharedBy.ADDRESS, household_id=district.households["Lee household"]
        ),
        "duplicates": lambda: steward.duplicate_candidates(ctx),
        "census summary": lambda: steward.census_summary(ctx),
    }
    for rule in CensusRule:
        views[f"census {rule.value}"] = partial(steward.census_findings, ctx, rule)
    return views


@pytest.mark.parametrize(
    "view",
    ["network", "connection", "shared addresses", "shared phones", "shared by one household",
     "duplicates", "census summary", *(f"census {rule.value}" for rule in CensusRule)],
)  # fmt: skip
async def test_each_view_is_one_round_trip(
    ctx: UseCaseContext, district: District, view: str
) -> None:
    counting = CountingDriver(ctx.driver)
    counted = dataclasses.replace(ctx, driver=counting)  # type: ignore[arg-type]  # a stand-in

    result = await _views(counted, district)[view]()

    assert result is not None
    assert counting.queries == 1
