"""On a small generated demo district, every steward view finds exactly the census breaks
and duplicate people the generator planted (seeds/planted.py), and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import load_policy
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.domain.steward import CensusRule
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.services import steward
from graph_service.services.context import UseCaseContext
from graph_service.services.runtime import Runtime
from graph_service.services.steward_gate import DistrictView
from graph_service.settings import Settings
from seeds.district import Planted
from tests.integration.steward.conftest import district_reader_view

ANCHOR = datetime(2027, 6, 8, 15, 0, tzinfo=UTC)
SMALL = 40


@pytest.fixture(scope="module")
async def demo(migrated_driver: AsyncDriver, settings: Settings) -> DemoSummary:
    async with migrated_driver.session(database=settings.neo4j_database) as session:
        result = await session.run(cypher("testing/wipe_data"))
        await result.consume()
    return await load_demo_district(
        migrated_driver, settings.neo4j_database, households=SMALL, seed=11,
        clock=FixedClock(ANCHOR),
    )  # fmt: skip


@pytest.fixture(scope="module")
def ctx(migrated_driver: AsyncDriver, settings: Settings) -> UseCaseContext:
    runtime = Runtime(
        migrated_driver, settings.neo4j_database, load_policy(None), FixedClock(ANCHOR),
        settings=settings,
    )  # fmt: skip
    return UseCaseContext(runtime, actor_id="steward")


@pytest.fixture(scope="module")
async def view(ctx: UseCaseContext, demo: DemoSummary) -> DistrictView:
    """The views as the service runs them, for a district-wide reader of this demo."""
    return await district_reader_view(ctx)


def _planted(planted: Planted, rule: CensusRule) -> set[frozenset[str]]:
    by_rule: dict[CensusRule, list[str]] = {
        CensusRule.STUDENT_WITHOUT_GUARDIAN: planted.student_without_guardian,
        CensusRule.MORE_THAN_TWO_GUARDIANS: planted.more_than_two_guardians,
        CensusRule.GUARDIAN_UNDER_18: planted.guardian_under_18,
        CensusRule.HOUSEHOLD_WITHOUT_PHYSICAL_ADDRESS: planted.household_without_physical_address,
        CensusRule.SEVERAL_PRIMARY_MEMBERSHIPS: planted.two_current_primary_memberships,
        CensusRule.GUARDIAN_IN_SEVERAL_HOUSEHOLDS: planted.guardian_in_more_than_one_household,
        CensusRule.RELATIONSHIP_WITHOUT_TYPE_OR_START: planted.relationship_without_start_date,
    }
    if rule is CensusRule.DUPLICATE_PERSON_CANDIDATES:
        return {frozenset(pair) for pair in planted.duplicate_people}
    return {frozenset([subject]) for subject in by_rule[rule]}


@pytest.mark.parametrize("rule", list(CensusRule))
async def test_census_rule_finds_what_the_generator_planted_and_nothing_else(
    view: DistrictView, demo: DemoSummary, rule: CensusRule
) -> None:
    page = await steward.census_findings(view, rule, first=100)

    found = {
        frozenset([f.subject.id, *(r.id for r in f.related)])
        if rule is CensusRule.DUPLICATE_PERSON_CANDIDATES
        else frozenset([f.subject.id])
        for f in page.items
    }
    assert found == _planted(demo.planted, rule)


async def test_summary_counts_what_the_generator_planted(
    view: DistrictView, demo: DemoSummary
) -> None:
    summary = await steward.census_summary(view)

    assert {c.rule: c.count for c in summary.rules} == {
        rule: len(_planted(demo.planted, rule)) for rule in CensusRule
    }


async def test_duplicate_view_finds_the_planted_pairs(
    view: DistrictView, demo: DemoSummary
) -> None:
    page = await steward.duplicate_candidates(view, first=100)

    found = {frozenset([pair.first.id, pair.second.id]) for pair in page.items}
    assert found == {frozenset(pair) for pair in demo.planted.duplicate_people}
