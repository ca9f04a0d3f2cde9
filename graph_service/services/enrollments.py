"""Use cases for enrolments: enrol a person at a school, end an enrolment."""

from __future__ import annotations

from neo4j import AsyncManagedTransaction

from graph_service.db import enrollments as enrolment_data
from graph_service.domain.enrollments import EndEnrolmentInput, EnrolInput, Enrolment
from graph_service.domain.spans import overlaps
from graph_service.errors import BadInput, NotFound
from graph_service.services.context import UseCaseContext
from graph_service.services.memberships import require_live_people


async def enrol_person(ctx: UseCaseContext, request: EnrolInput) -> Enrolment:
    """Enrol the person at the school from `startDate`; a second overlapping enrolment at
    the same school is refused."""

    async def work(tx: AsyncManagedTransaction) -> Enrolment:
        await require_live_people(tx, [request.person_id], "personId")
        for existing in await enrolment_data.person_enrolments(tx, person_id=request.person_id):
            if existing.school.id == request.school_id and overlaps(
                existing.start_date, existing.end_date, request.start_date, request.end_date
            ):
                raise BadInput("schoolId", f"already enrolled there from {existing.start_date}")
        enrolment = await enrolment_data.enrol_person(tx, stamp=ctx.stamp(), enrolment=request)
        if enrolment is None:
            raise NotFound("School", request.school_id)
        return enrolment

    return await ctx.write(work)


async def end_enrolment(ctx: UseCaseContext, request: EndEnrolmentInput) -> Enrolment:
    """End the enrolment on `endDate` (the last day at the school)."""

    async def work(tx: AsyncManagedTransaction) -> Enrolment:
        found = await enrolment_data.get_enrolment(tx, enrolment_id=request.enrolment_id)
        if found is None:
            raise NotFound("Enrolment", request.enrolment_id)
        _, enrolment = found
        if enrolment.end_date is not None and enrolment.end_date < request.end_date:
            raise BadInput("endDate", f"the enrolment already ended on {enrolment.end_date}")
        if request.end_date < enrolment.start_date:
            raise BadInput("endDate", f"is before the enrolment started on {enrolment.start_date}")
        return await enrolment_data.end_enrolment(
            tx, stamp=ctx.stamp(), enrolment_id=request.enrolment_id, end_date=request.end_date
        )

    return await ctx.write(work)
