"""The API's batched reads (one trip for many ids) show what the single reads show."""

from __future__ import annotations

from datetime import date

from graph_service.db import batch_reads
from graph_service.db import households as household_data
from graph_service.db import people as people_data
from graph_service.services import person_merges, relationships
from graph_service.services.context import UseCaseContext
from tests.integration.household.conftest import address, make_household, make_person


async def test_batched_and_single_reads_agree_after_a_merge(ctx: UseCaseContext) -> None:
    keep = await make_person(ctx, "Ann")
    dupe = await make_person(ctx, "Anne")
    mom = await make_person(ctx, "Mom", birthDate=date(1980, 1, 1))
    household = await make_household(ctx, members=[keep, dupe, mom], address={"address": address()})
    for kid in (keep, dupe):
        await relationships.set_relationship(
            ctx,
            {"personId": mom.id, "relatedPersonId": kid.id, "type": "Mother",
             "startDate": date(2026, 1, 1)},
        )  # fmt: skip
    # Both records were members and both had a mother: those stay on the alias as conflicts.
    await person_merges.merge_persons(
        ctx,
        {"survivorId": keep.id, "mergedId": dupe.id, "survivorExpectedVersion": 1,
         "mergedExpectedVersion": 1},
    )  # fmt: skip
    day, db, name = ctx.today(), ctx.driver, ctx.database

    single_household = await household_data.get_household(
        db, household_id=household.id, as_of=day, database=name
    )
    batched_households = await batch_reads.get_household_views(
        db, household_ids=[household.id], as_of=day, database=name
    )
    single_mom = await people_data.get_person(db, person_id=mom.id, as_of=day, database=name)
    batched_people = await batch_reads.get_person_graphs(
        db, person_ids=[mom.id], as_of=day, database=name
    )

    assert single_household is not None
    assert sorted(m.person.first_name for m in single_household.members) == ["Ann", "Mom"]
    assert batched_households[household.id] == single_household
    assert single_mom is not None
    assert [r.other.id for r in single_mom.relationships] == [keep.id]
    assert batched_people[mom.id] == single_mom
