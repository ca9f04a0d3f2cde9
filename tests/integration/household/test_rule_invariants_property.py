"""Property: whatever sequence of membership and relationship changes staff make, refused
or not, the stored graph never breaks the census rules (one current primary household per
person, one edge per pair at a time, unique emergency priorities)."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st

from graph_service.db.cypher import cypher
from graph_service.errors import BadInput, NotFound
from graph_service.services import households, memberships, relationships
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household, get_person
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import make_person

PEOPLE, HOUSEHOLDS = 3, 2  # few, so random steps keep colliding
days = st.dates(date(2026, 1, 1), date(2026, 8, 31))
person = st.integers(0, PEOPLE - 1)
# Emergency priorities drawn from {1, 2} so two contacts of one person often want the same.
relate = st.tuples(
    st.just("relate"),
    person,
    person,
    st.sampled_from(["Sibling", "Parent", "Friend"]),
    st.sampled_from([None, 1, 1, 2]),
    days,
)
operations = st.one_of(
    st.tuples(st.just("join"), person, st.integers(0, HOUSEHOLDS - 1), days, st.booleans(),
              st.booleans()),
    st.tuples(st.just("leave"), person, st.integers(0, HOUSEHOLDS - 1), days),
    relate,
    relate,
    st.tuples(st.just("unrelate"), person, person, days),
)  # fmt: skip


async def _apply(
    ctx: UseCaseContext, op: tuple[Any, ...], ids: list[str], homes: list[str]
) -> None:
    kind = op[0]
    if kind in {"join", "leave"}:
        home = homes[op[2]]
        version = (await get_household(ctx, home)).household.version
        change = {"householdId": home, "expectedVersion": version, "personId": ids[op[1]]}
        if kind == "join":
            _, _, _, day, secondary, move = op
            await submit(
                memberships.add_member,
                ctx,
                {**change, "startDate": day, "secondary": secondary, "endOtherPrimary": move},
            )
        else:
            await submit(memberships.end_membership, ctx, {**change, "endDate": op[3]})
    elif kind == "relate":
        _, a, b, type_, priority, day = op
        await submit(
            relationships.set_relationship,
            ctx,
            {"personId": ids[a], "relatedPersonId": ids[b], "type": type_,
             "emergencyPriority": priority, "startDate": day},
        )  # fmt: skip
    else:
        _, a, b, day = op
        view = await get_person(ctx, ids[a])
        for related in view.household_relationships + view.non_household_relationships:
            if related.other.id == ids[b]:
                await submit(
                    relationships.end_relationship,
                    ctx,
                    {"relationshipId": related.relationship.id,
                     "expectedVersion": related.relationship.version, "endDate": day},
                )  # fmt: skip


@settings(
    max_examples=30,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(operations, min_size=4, max_size=20))
# The head-on attempts, always tried: a second primary household, the pair stated twice,
# two contacts of one person at one priority.
@example(
    steps=[
        ("join", 0, 0, date(2026, 1, 5), False, False),
        ("join", 0, 1, date(2026, 2, 5), False, False),
    ]
)
@example(
    steps=[
        ("relate", 0, 1, "Sibling", None, date(2026, 1, 5)),
        ("relate", 1, 0, "Sibling", None, date(2026, 3, 5)),
    ]
)
@example(steps=[("relate", 0, 2, "Friend", 1, date(2026, 1, 5)),
                ("relate", 1, 2, "Friend", 1, date(2026, 3, 5))])  # fmt: skip
async def test_no_sequence_of_changes_breaks_the_census_rules(
    ctx: UseCaseContext, steps: list[tuple[Any, ...]]
) -> None:
    ids = [(await make_person(ctx, f"P{n}", f"Rules{id(steps)}")).id for n in range(PEOPLE)]
    homes = [
        (
            await submit(
                households.create_household, ctx, {"name": f"H{n}", "startDate": date(2026, 1, 1)}
            )
        ).id
        for n in range(HOUSEHOLDS)
    ]
    for op in steps:
        try:
            await _apply(ctx, op, ids, homes)
        except (BadInput, NotFound):
            event(f"{op[0]}: refused")  # the rules said no; the stored graph must still hold
        else:
            event(f"{op[0]}: applied")

    records, _, _ = await ctx.driver.execute_query(
        cypher("testing/census_invariant_violations"), database_=ctx.database
    )
    assert records[0].data() == {
        "overlappingPairs": 0,
        "overlappingPrimaries": 0,
        "sharedPriorities": 0,
    }
