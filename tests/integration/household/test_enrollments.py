"""Enrolments: enrol at a school, end, and the overlap rule."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.errors import BadInput, NotFound
from graph_service.services import enrollments
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_person
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import make_person, make_school


async def test_enrolled_person_reads_with_school_and_grade(ctx: UseCaseContext) -> None:
    kid, school = await make_person(ctx), await make_school(ctx)

    await submit(
        enrollments.enrol_person,
        ctx,
        {"personId": kid.id, "schoolId": school, "grade": "05", "startDate": date(2026, 8, 25)},
    )

    view = await get_person(ctx, kid.id)
    assert [(e.school.name, e.grade.value) for e in view.enrolments] == [
        ("Lincoln Elementary", "05")
    ]


async def test_end_enrolment_on_its_last_day(ctx: UseCaseContext) -> None:
    kid, school = await make_person(ctx), await make_school(ctx)
    enrolment = await submit(
        enrollments.enrol_person,
        ctx,
        {"personId": kid.id, "schoolId": school, "grade": "KG", "startDate": date(2026, 1, 5)},
    )

    ended = await submit(
        enrollments.end_enrolment, ctx, {"enrolmentId": enrolment.id, "endDate": date(2026, 6, 10)}
    )

    assert ended.end_date == date(2026, 6, 10)
    assert (await get_person(ctx, kid.id)).enrolments == []


async def test_overlapping_enrolment_at_the_same_school_is_refused(ctx: UseCaseContext) -> None:
    kid, school = await make_person(ctx), await make_school(ctx)
    enrol = {"personId": kid.id, "schoolId": school, "grade": "05", "startDate": date(2026, 8, 25)}
    await submit(enrollments.enrol_person, ctx, enrol)

    with pytest.raises(BadInput) as refused:
        await submit(enrollments.enrol_person, ctx, {**enrol, "startDate": date(2026, 9, 1)})
    assert refused.value.field == "schoolId"


async def test_enrolment_at_unknown_school_is_not_found(ctx: UseCaseContext) -> None:
    kid = await make_person(ctx)
    with pytest.raises(NotFound, match="School"):
        await submit(
            enrollments.enrol_person,
            ctx,
            {"personId": kid.id, "schoolId": "x", "grade": "05", "startDate": date(2026, 9, 1)},
        )


async def test_unknown_grade_is_bad_input(ctx: UseCaseContext) -> None:
    kid, school = await make_person(ctx), await make_school(ctx)
    with pytest.raises(BadInput) as refused:
        await submit(
            enrollments.enrol_person,
            ctx,
            {"personId": kid.id, "schoolId": school, "grade": "13", "startDate": date(2026, 9, 1)},
        )
    assert refused.value.field == "grade"
