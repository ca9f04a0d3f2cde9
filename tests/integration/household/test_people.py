"""People: create with the duplicate check, edit, identifier uniqueness."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.errors import BadInput, Conflict, StaleVersion
from graph_service.services import people
from graph_service.services.context import UseCaseContext
from graph_service.services.people import PossibleDuplicates
from graph_service.testing.use_cases import submit
from tests.compiled_reads import give_active_grant
from tests.integration.household.conftest import graph_snapshot, make_person


async def test_create_person_stores_trimmed_names(ctx: UseCaseContext) -> None:
    person = await submit(
        people.create_person,
        ctx,
        {"firstName": "  Zoë ", "lastName": "O'Neil", "birthDate": date(2014, 5, 6)},
    )
    assert (person.first_name, person.last_name, person.version) == ("Zoë", "O'Neil", 1)


async def test_same_normalized_name_and_birth_date_is_refused_unless_confirmed(
    ctx: UseCaseContext,
) -> None:
    await give_active_grant(
        ctx.driver, ctx.database, employee_id=ctx.actor_id, school_id=None, now=ctx.clock.now()
    )  # district-wide: every record is one the actor may read
    first = await make_person(ctx, "Zoë", "O'Neil")
    before = await graph_snapshot(ctx)
    again = {"firstName": "zoe", "lastName": "ONeil", "birthDate": date(2015, 3, 4)}

    with pytest.raises(PossibleDuplicates) as refused:
        await submit(people.create_person, ctx, again)
    assert [c.person.id for c in refused.value.candidates] == [first.id]
    assert await graph_snapshot(ctx) == before

    confirmed = await submit(people.create_person, ctx, {**again, "confirmNotDuplicate": True})
    assert confirmed.id != first.id


async def test_an_actor_without_a_grant_is_not_told_who_matched(ctx: UseCaseContext) -> None:
    first = await make_person(ctx, "Zoë", "O'Neil", studentNumber="S-7")
    again = {"firstName": "zoe", "lastName": "ONeil", "birthDate": date(2015, 3, 4)}

    with pytest.raises(PossibleDuplicates) as by_name:
        await submit(people.create_person, ctx, again)
    with pytest.raises(PossibleDuplicates) as by_number:
        await submit(
            people.create_person, ctx, {**again, "firstName": "Al", "studentNumber": "S-7"}
        )

    for refused in (by_name.value, by_number.value):
        assert refused.candidates == []
        assert first.id not in refused.message
        assert "a record you cannot see" in refused.message
    # Confirmed: a name and birth date may be someone else; the steward's view pairs them.
    assert await submit(people.create_person, ctx, {**again, "confirmNotDuplicate": True})


async def test_same_student_number_is_refused_even_when_confirmed(ctx: UseCaseContext) -> None:
    await make_person(ctx, "Ann", studentNumber="S-100")

    with pytest.raises(PossibleDuplicates):
        await make_person(ctx, "Other", "Person", studentNumber="S-100")


async def test_edit_to_a_taken_state_id_is_a_conflict(ctx: UseCaseContext) -> None:
    await make_person(ctx, "Ann", stateId="MN-1")
    bob = await make_person(ctx, "Bob")
    before = await graph_snapshot(ctx)

    with pytest.raises(Conflict, match="state id"):
        await submit(
            people.edit_person,
            ctx,
            {
                "personId": bob.id,
                "expectedVersion": 1,
                "firstName": "Bob",
                "lastName": "Lee",
                "stateId": "MN-1",
            },
        )
    assert await graph_snapshot(ctx) == before


async def test_edit_person_replaces_fields_and_bumps_version(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)

    edited = await submit(
        people.edit_person,
        ctx,
        {
            "personId": ann.id,
            "expectedVersion": 1,
            "firstName": "Anne",
            "lastName": "Lee",
            "preferredName": "Annie",
            "gender": "F",
        },
    )

    assert (edited.first_name, edited.preferred_name, edited.version) == ("Anne", "Annie", 2)
    assert edited.birth_date is None


async def test_edit_person_with_stale_version_is_refused(ctx: UseCaseContext) -> None:
    ann = await make_person(ctx)
    with pytest.raises(StaleVersion):
        await submit(
            people.edit_person,
            ctx,
            {"personId": ann.id, "expectedVersion": 3, "firstName": "A", "lastName": "L"},
        )


async def test_birth_date_after_today_on_the_service_clock_is_refused(
    ctx: UseCaseContext,
) -> None:
    with pytest.raises(BadInput) as refused:
        await make_person(ctx, birthDate=date(2026, 9, 2))  # the clock says 2026-09-01
    assert refused.value.field == "birthDate"
