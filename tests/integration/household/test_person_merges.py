"""Merging two records of one human, the conflicts it reports, and undoing it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph_service.domain.people import Person
from graph_service.errors import BadInput, StaleVersion
from graph_service.services import enrollments, person_merges, phones, relationships
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household, get_person
from graph_service.testing.use_cases import submit
from tests.compiled_reads import district_reader, search
from tests.integration.household.conftest import (
    graph_snapshot,
    make_household,
    make_person,
    make_school,
)


def merge(survivor: Person, merged: Person, **extra: Any) -> dict[str, Any]:
    return {
        "survivorId": survivor.id,
        "mergedId": merged.id,
        "survivorExpectedVersion": 1,
        "mergedExpectedVersion": 1,
        **extra,
    }


async def test_merge_moves_memberships_relationships_phones_and_enrolments(
    ctx: UseCaseContext,
) -> None:
    keep = await make_person(ctx, "Ann")
    dupe = await make_person(ctx, "Anne", studentNumber="S-1")
    mom = await make_person(ctx, "Mom", birthDate=date(1980, 1, 1))
    household = await make_household(ctx, members=[dupe, mom])
    await submit(
        relationships.set_relationship,
        ctx,
        {"personId": mom.id, "relatedPersonId": dupe.id, "type": "Mother", "guardian": True,
         "startDate": date(2026, 1, 1)},
    )  # fmt: skip
    await submit(
        phones.add_phone, ctx, {"ownerId": dupe.id, "expectedVersion": 1, "number": "6125550142"}
    )
    school = await make_school(ctx)
    await submit(
        enrollments.enrol_person,
        ctx,
        {"personId": dupe.id, "schoolId": school, "grade": "03", "startDate": date(2026, 8, 25)},
    )

    report = await submit(
        person_merges.merge_persons, ctx, merge(keep, dupe, mergedExpectedVersion=2)
    )

    assert report.conflicts == []
    assert report.moved == {
        "memberships": 1,
        "phone_links": 1,
        "enrolments": 1,
        "outgoing_relationships": 0,
        "incoming_relationships": 1,
    }
    view = await get_person(ctx, keep.id)
    assert view.person.student_number == "S-1"  # the survivor lacked one, so it moved
    assert [m.household.id for m in view.memberships] == [household.id]
    assert [g.other.id for g in view.guardians] == [mom.id]
    assert [p.phone.number for p in view.phones] == ["+16125550142"]
    assert [e.school.id for e in view.enrolments] == [school]
    members = (await get_household(ctx, household.id)).members
    assert sorted(m.person.first_name for m in members) == ["Ann", "Mom"]
    alias = (await get_person(ctx, dupe.id)).person
    assert alias.merged_into_id == keep.id
    assert alias.student_number is None
    found = await search(await district_reader(ctx), "last_name", "lee")
    # Ann (kept) and Anne (the alias) are both Lees: only the kept record is found.
    assert [p["id"] for p in found.nodes if p["first_name"].startswith("Ann")] == [keep.id]


async def test_merge_reports_what_clashes_and_leaves_it_on_the_alias(ctx: UseCaseContext) -> None:
    keep, dupe = await make_person(ctx, "Ann"), await make_person(ctx, "Anne")
    await make_household(ctx, "Keep's", members=[keep])
    await make_household(ctx, "Dupe's", members=[dupe])

    report = await submit(person_merges.merge_persons, ctx, merge(keep, dupe))

    assert report.moved["memberships"] == 0
    assert len(report.conflicts) == 1
    assert "another primary household" in report.conflicts[0]


async def test_undo_merge_restores_both_records(ctx: UseCaseContext) -> None:
    keep = await make_person(ctx, "Ann")
    dupe = await make_person(ctx, "Anne", studentNumber="S-1")
    household = await make_household(ctx, members=[dupe])
    report = await submit(person_merges.merge_persons, ctx, merge(keep, dupe))

    found = await person_merges.person_merges_of(ctx, dupe.id)
    assert [m.id for m in found] == [report.merge.id]

    undone = await submit(person_merges.undo_person_merge, ctx, {"mergeId": found[0].id})

    assert undone.undone_by == "staff-1"
    back = await get_person(ctx, dupe.id)
    assert back.person.merged_into_id is None
    assert back.person.student_number == "S-1"
    assert [m.household.id for m in back.memberships] == [household.id]
    assert (await get_person(ctx, keep.id)).memberships == []
    assert (await get_person(ctx, keep.id)).person.student_number is None
    with pytest.raises(BadInput, match="already undone"):
        await submit(person_merges.undo_person_merge, ctx, {"mergeId": report.merge.id})


async def test_merging_a_record_into_itself_is_refused(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    with pytest.raises(BadInput, match="itself"):
        await submit(person_merges.merge_persons, ctx, merge(ann, ann))


async def test_merge_with_stale_version_changes_nothing(ctx: UseCaseContext) -> None:
    keep, dupe = await make_person(ctx, "Ann"), await make_person(ctx, "Anne")
    await make_household(ctx, members=[dupe])
    before = await graph_snapshot(ctx)

    with pytest.raises(StaleVersion):
        await submit(person_merges.merge_persons, ctx, merge(keep, dupe, mergedExpectedVersion=5))

    assert await graph_snapshot(ctx) == before


async def test_merged_record_cannot_be_merged_again_or_joined(ctx: UseCaseContext) -> None:
    keep, dupe, third = (
        await make_person(ctx, "Ann"),
        await make_person(ctx, "Anne"),
        await make_person(ctx, "Third"),
    )
    await submit(person_merges.merge_persons, ctx, merge(keep, dupe))

    with pytest.raises(BadInput, match="already merged"):
        await submit(person_merges.merge_persons, ctx, merge(third, dupe, mergedExpectedVersion=2))
    with pytest.raises(BadInput, match="merged into"):
        await make_household(ctx, members=[dupe])
