"""Relationships: the pair edge, reciprocal labels, roles, the derived household split."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph_service.domain.people import Person
from graph_service.errors import BadInput, NotFound
from graph_service.services import memberships, relationships
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_person
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import graph_snapshot, make_household, make_person


def related(person: Person, other: Person, type_: str, **extra: Any) -> dict[str, Any]:
    """ "`person` is `other`'s `type_`" from the start of the year."""
    return {
        "personId": person.id,
        "relatedPersonId": other.id,
        "type": type_,
        "startDate": date(2026, 1, 1),
        **extra,
    }


async def test_father_reads_as_child_from_the_other_side(ctx: UseCaseContext) -> None:
    dad, kid = await make_person(ctx, "Dad", birthDate=date(1980, 1, 1)), await make_person(ctx)
    await submit(relationships.set_relationship, ctx, related(dad, kid, "Father", guardian=True))

    kid_view = await get_person(ctx, kid.id)
    dad_view = await get_person(ctx, dad.id)

    assert [(r.other.first_name, r.label) for r in kid_view.non_household_relationships] == [
        ("Dad", "Father")
    ]
    assert [r.other.first_name for r in kid_view.guardians] == ["Dad"]
    assert [(r.other.first_name, r.label) for r in dad_view.non_household_relationships] == [
        ("Ann", "Child")
    ]
    assert dad_view.guardians == []


async def test_relationship_is_household_while_they_share_a_household(
    ctx: UseCaseContext,
) -> None:
    mom, kid = await make_person(ctx, "Mom", birthDate=date(1980, 1, 1)), await make_person(ctx)
    household = await make_household(ctx, members=[mom, kid])
    await submit(relationships.set_relationship, ctx, related(mom, kid, "Mother"))

    await submit(
        memberships.end_membership,
        ctx,
        {
            "householdId": household.id,
            "expectedVersion": 1,
            "personId": mom.id,
            "endDate": date(2026, 8, 15),
        },
    )

    while_together = await get_person(ctx, kid.id, as_of=date(2026, 8, 15))
    after_leaving = await get_person(ctx, kid.id, as_of=date(2026, 8, 16))
    assert [r.other.id for r in while_together.household_relationships] == [mom.id]
    assert while_together.non_household_relationships == []
    assert after_leaving.household_relationships == []
    assert [r.other.id for r in after_leaving.non_household_relationships] == [mom.id]


async def test_relationship_with_oneself_is_refused(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    with pytest.raises(BadInput, match="themself"):
        await submit(relationships.set_relationship, ctx, related(ann, ann, "Sibling"))


async def test_unknown_type_is_refused(ctx: UseCaseContext) -> None:
    ann, bob = await make_person(ctx, "Ann"), await make_person(ctx, "Bob")
    with pytest.raises(BadInput) as refused:
        await submit(relationships.set_relationship, ctx, related(ann, bob, "Nemesis"))
    assert refused.value.field == "type"


async def test_overlapping_duplicate_relationship_is_refused(ctx: UseCaseContext) -> None:
    ann, bob = await make_person(ctx, "Ann"), await make_person(ctx, "Bob")
    await submit(relationships.set_relationship, ctx, related(ann, bob, "Sibling"))
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput, match="already related"):
        await submit(
            relationships.set_relationship,
            ctx,
            related(bob, ann, "Sibling", startDate=date(2026, 3, 1)),
        )

    assert await graph_snapshot(ctx) == before


async def test_relationship_after_an_ended_one_may_start(ctx: UseCaseContext) -> None:
    ann, bob = await make_person(ctx, "Ann"), await make_person(ctx, "Bob")
    first = await submit(relationships.set_relationship, ctx, related(ann, bob, "Partner"))
    await submit(
        relationships.end_relationship,
        ctx,
        {"relationshipId": first.id, "expectedVersion": 1, "endDate": date(2026, 3, 31)},
    )

    second = await submit(
        relationships.set_relationship, ctx, related(ann, bob, "Spouse", startDate=date(2026, 4, 1))
    )

    assert second.id != first.id
    assert [r.label for r in (await get_person(ctx, ann.id)).non_household_relationships] == [
        "Spouse"
    ]


async def test_updating_from_the_other_side_edits_the_same_pair(ctx: UseCaseContext) -> None:
    dad, kid = await make_person(ctx, "Dad", birthDate=date(1980, 1, 1)), await make_person(ctx)
    stored = await submit(
        relationships.set_relationship, ctx, related(dad, kid, "Parent", guardian=True)
    )

    updated = await submit(
        relationships.set_relationship,
        ctx,
        related(kid, dad, "Child", expectedVersion=1, comments="court order on file"),
    )

    assert updated.id == stored.id
    assert (updated.from_person_id, updated.type, updated.guardian) == (dad.id, "Parent", True)
    assert updated.comments == "court order on file"
    assert updated.version == 2


async def test_reverse_side_type_change_becomes_the_reciprocal(ctx: UseCaseContext) -> None:
    gran, kid = await make_person(ctx, "Gran", birthDate=date(1950, 1, 1)), await make_person(ctx)
    await submit(relationships.set_relationship, ctx, related(gran, kid, "Other Relative"))

    updated = await submit(
        relationships.set_relationship, ctx, related(kid, gran, "Grandchild", expectedVersion=1)
    )

    assert (updated.from_person_id, updated.type) == (gran.id, "Grandparent")


async def test_update_without_a_current_pair_is_not_found(ctx: UseCaseContext) -> None:
    ann, bob = await make_person(ctx, "Ann"), await make_person(ctx, "Bob")
    with pytest.raises(NotFound):
        await submit(
            relationships.set_relationship, ctx, related(ann, bob, "Friend", expectedVersion=1)
        )


async def test_emergency_contacts_come_in_priority_order_and_can_be_reordered(
    ctx: UseCaseContext,
) -> None:
    kid = await make_person(ctx, "Kid")
    aunt = await make_person(ctx, "Aunt", birthDate=date(1970, 1, 1))
    neighbor = await make_person(ctx, "Neighbor", birthDate=date(1960, 1, 1))
    await submit(
        relationships.set_relationship, ctx, related(aunt, kid, "Aunt/Uncle", emergencyPriority=1)
    )
    await submit(
        relationships.set_relationship, ctx, related(neighbor, kid, "Neighbor", emergencyPriority=2)
    )
    assert [c.other.id for c in (await get_person(ctx, kid.id)).emergency_contacts] == [
        aunt.id,
        neighbor.id,
    ]

    await submit(
        relationships.reorder_emergency_contacts,
        ctx,
        {"personId": kid.id, "expectedVersion": 1, "contactPersonIds": [neighbor.id, aunt.id]},
    )

    contacts = (await get_person(ctx, kid.id)).emergency_contacts
    assert [(c.other.id, c.relationship.emergency_priority) for c in contacts] == [
        (neighbor.id, 1),
        (aunt.id, 2),
    ]


async def test_duplicate_emergency_priority_is_refused(ctx: UseCaseContext) -> None:
    kid = await make_person(ctx, "Kid")
    aunt = await make_person(ctx, "Aunt", birthDate=date(1970, 1, 1))
    neighbor = await make_person(ctx, "Neighbor", birthDate=date(1960, 1, 1))
    await submit(
        relationships.set_relationship, ctx, related(aunt, kid, "Aunt/Uncle", emergencyPriority=1)
    )
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput) as refused:
        await submit(
            relationships.set_relationship,
            ctx,
            related(neighbor, kid, "Neighbor", emergencyPriority=1),
        )

    assert refused.value.field == "emergencyPriority"
    assert await graph_snapshot(ctx) == before


async def test_ended_relationship_cannot_be_ended_later(ctx: UseCaseContext) -> None:
    ann, bob = await make_person(ctx, "Ann"), await make_person(ctx, "Bob")
    pair = await submit(relationships.set_relationship, ctx, related(ann, bob, "Friend"))
    await submit(
        relationships.end_relationship,
        ctx,
        {"relationshipId": pair.id, "expectedVersion": 1, "endDate": date(2026, 3, 31)},
    )

    with pytest.raises(BadInput, match="already ended"):
        await submit(
            relationships.end_relationship,
            ctx,
            {"relationshipId": pair.id, "expectedVersion": 2, "endDate": date(2026, 4, 30)},
        )


async def test_an_ended_relationship_cannot_be_edited(ctx: UseCaseContext) -> None:
    ann, bob = await make_person(ctx, "Ann"), await make_person(ctx, "Bob")
    pair = await submit(relationships.set_relationship, ctx, related(ann, bob, "Friend"))
    await submit(
        relationships.end_relationship,
        ctx,
        {"relationshipId": pair.id, "expectedVersion": 1, "endDate": date(2026, 3, 31)},
    )
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput, match="ended"):
        await submit(
            relationships.set_relationship,
            ctx,
            related(ann, bob, "Friend", expectedVersion=2, comments="late edit"),
        )

    assert await graph_snapshot(ctx) == before


async def test_moving_a_relationship_start_over_an_earlier_one_is_refused(
    ctx: UseCaseContext,
) -> None:
    ann, bob = await make_person(ctx, "Ann"), await make_person(ctx, "Bob")
    old = await submit(relationships.set_relationship, ctx, related(ann, bob, "Partner"))
    await submit(
        relationships.end_relationship,
        ctx,
        {"relationshipId": old.id, "expectedVersion": 1, "endDate": date(2026, 3, 31)},
    )
    await submit(
        relationships.set_relationship, ctx, related(ann, bob, "Spouse", startDate=date(2026, 4, 1))
    )

    with pytest.raises(BadInput) as refused:
        await submit(
            relationships.set_relationship,
            ctx,
            related(ann, bob, "Spouse", startDate=date(2026, 3, 1), expectedVersion=1),
        )
    assert refused.value.field == "startDate"


async def test_reorder_must_list_every_current_emergency_contact(ctx: UseCaseContext) -> None:
    kid = await make_person(ctx, "Kid")
    aunt = await make_person(ctx, "Aunt", birthDate=date(1970, 1, 1))
    uncle = await make_person(ctx, "Uncle", birthDate=date(1971, 1, 1))
    for n, contact in enumerate((aunt, uncle), start=1):
        await submit(
            relationships.set_relationship,
            ctx,
            related(contact, kid, "Aunt/Uncle", emergencyPriority=n),
        )
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput) as refused:
        await submit(
            relationships.reorder_emergency_contacts,
            ctx,
            {"personId": kid.id, "expectedVersion": 1, "contactPersonIds": [uncle.id]},
        )

    assert refused.value.field == "contactPersonIds"
    assert await graph_snapshot(ctx) == before


async def test_roles_cannot_be_set_from_the_side_that_does_not_play_them(
    ctx: UseCaseContext,
) -> None:
    dad, kid = await make_person(ctx, "Dad", birthDate=date(1980, 1, 1)), await make_person(ctx)
    await submit(relationships.set_relationship, ctx, related(dad, kid, "Father", guardian=True))
    before = await graph_snapshot(ctx)

    with pytest.raises(BadInput) as refused:
        await submit(
            relationships.set_relationship,
            ctx,
            related(kid, dad, "Child", expectedVersion=1, emergencyPriority=1),
        )

    assert refused.value.field == "personId"
    assert await graph_snapshot(ctx) == before
