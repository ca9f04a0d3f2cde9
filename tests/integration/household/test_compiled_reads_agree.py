"""The API's compiled reads show what the services' own reads show, after a merge too."""

from __future__ import annotations

from datetime import date

from graph_service.db.read_compiler import Selected
from graph_service.services import household_reads, person_merges, relationships
from graph_service.services.context import UseCaseContext
from graph_service.testing.use_cases import submit
from tests.compiled_reads import district_reader
from tests.integration.household.conftest import address, make_household, make_person

PERSON_NAME = (Selected("firstName", "first_name"),)
HOUSEHOLD = (
    Selected(
        "members", "members", "Member", (Selected("person", "person", "Person", PERSON_NAME),)
    ),
    Selected("name", "name"),
)
RELATED = (Selected("label", "label"), Selected("person", "person", "Person", PERSON_NAME))
PERSON = (
    Selected("householdRelationships", "household_relationships", "Relationship", RELATED),
    Selected("nonHouseholdRelationships", "non_household_relationships", "Relationship", RELATED),
)


async def test_compiled_and_service_reads_agree_after_a_merge(ctx: UseCaseContext) -> None:
    keep = await make_person(ctx, "Ann")
    dupe = await make_person(ctx, "Anne")
    mom = await make_person(ctx, "Mom", birthDate=date(1980, 1, 1))
    household = await make_household(ctx, members=[keep, dupe, mom], address={"address": address()})
    for kid in (keep, dupe):
        await submit(
            relationships.set_relationship,
            ctx,
            {"personId": mom.id, "relatedPersonId": kid.id, "type": "Mother",
             "startDate": date(2026, 1, 1)},
        )  # fmt: skip
    # Both records were members and both had a mother: those stay on the alias as conflicts.
    await submit(
        person_merges.merge_persons,
        ctx,
        {"survivorId": keep.id, "mergedId": dupe.id, "survivorExpectedVersion": 1,
         "mergedExpectedVersion": 1},
    )  # fmt: skip
    read = await district_reader(ctx)
    day = ctx.today()

    service_household = await household_reads.get_household(ctx, household.id, as_of=day)
    compiled_household = await read.one("Household", household.id, HOUSEHOLD, as_of=day)
    service_mom = await household_reads.get_person(ctx, mom.id, as_of=day)
    compiled_mom = await read.one("Person", mom.id, PERSON, as_of=day)

    names = sorted(m.person.first_name for m in service_household.members)
    assert names == ["Ann", "Mom"]
    assert compiled_household is not None
    assert sorted(m["person"]["first_name"] for m in compiled_household["members"]) == names
    assert [r.other.first_name for r in service_mom.household_relationships] == ["Ann"]
    assert compiled_mom is not None
    household_related = compiled_mom["household_relationships"]
    assert [(r["label"], r["person"]["first_name"]) for r in household_related] == [
        (r.label, r.other.first_name) for r in service_mom.household_relationships
    ]
    assert compiled_mom["non_household_relationships"] == []
