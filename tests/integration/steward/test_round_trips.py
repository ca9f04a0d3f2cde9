"""Each steward view is one Cypher round trip, whatever it finds."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from functools import partial

import pytest

from graph_service.domain.steward import CensusRule, SharedBy
from graph_service.services import steward
from graph_service.services.steward_gate import DistrictView
from graph_service.testing.round_trips import CountingDriver
from tests.integration.steward.conftest import District


def _views(view: DistrictView, district: District) -> dict[str, Callable[[], Awaitable[object]]]:
    cal, eli = district.person("Cal Lee"), district.person("Eli Diaz")
    views: dict[str, Callable[[], Awaitable[object]]] = {
        "network": lambda: steward.relationship_network(view, cal, depth=3),
        "connection": lambda: steward.connection_between(view, cal, eli),
        "shared addresses": lambda: steward.households_sharing(view, SharedBy.ADDRESS, ever=True),
        "shared phones": lambda: steward.households_sharing(view, SharedBy.PHONE),
        "shared by one household": lambda: steward.households_sharing(
            view, SharedBy.ADDRESS, household_id=district.households["Lee household"]
        ),
        "duplicates": lambda: steward.duplicate_candidates(view),
        "census summary": lambda: steward.census_summary(view),
    }
    for rule in CensusRule:
        views[f"census {rule.value}"] = partial(steward.census_findings, view, rule)
    return views


@pytest.mark.parametrize(
    "name",
    ["network", "connection", "shared addresses", "shared phones", "shared by one household",
     "duplicates", "census summary", *(f"census {rule.value}" for rule in CensusRule)],
)  # fmt: skip
async def test_each_view_is_one_round_trip(
    view: DistrictView, district: District, name: str
) -> None:
    """The caller's grant is read inside the view's own statement: one round trip in all."""
    counting = CountingDriver(view.runtime.driver)
    runtime = dataclasses.replace(view.runtime, driver=counting)  # type: ignore[arg-type]  # a stand-in
    counted = dataclasses.replace(view, runtime=runtime)

    result = await _views(counted, district)[name]()

    assert result is not None
    assert counted.caller is not None
    assert counted.caller.district_wide
    assert counting.queries == 1
