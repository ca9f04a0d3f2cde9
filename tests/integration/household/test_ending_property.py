"""Property: ending a membership, address, phone, enrolment or relationship on a random day.
It succeeds when the day is on or after the start (and, if already ended, not after that
end); otherwise BadInput and the graph is exactly as before."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st

from graph_service.errors import BadInput
from graph_service.services import (
    addresses,
    enrollments,
    households,
    memberships,
    phones,
    relationships,
)
from graph_service.services.context import UseCaseContext
from graph_service.services.household_reads import get_household
from graph_service.testing.use_cases import submit
from tests.integration.household.conftest import (
    address,
    graph_snapshot,
    make_person,
    make_school,
)

START = date(2020, 1, 1)
EARLIER_END = date(2020, 6, 30)
KINDS = ["membership", "address", "phone", "enrolment", "relationship"]

Ender = Callable[[date, int], Awaitable[Any]]


async def _setup(ctx: UseCaseContext) -> dict[str, Ender]:
    """A household with one member, address and phone since START; the member enrolled and
    related to a parent since START. Returns how to end each, given (day, expected version)."""
    kid = await make_person(ctx, "Kid")
    mom = await make_person(ctx, "Mom", birthDate=date(1980, 1, 1))
    school = await make_school(ctx)
    home = await submit(
        households.create_household,
        ctx,
        {
            "name": "Enders",
            "startDate": START,
            "address": {"address": address()},
            "phone": {"number": "612-555-0142"},
            "members": [{"personId": kid.id}],
        },
    )
    view = await get_household(ctx, home.id, as_of=START)
    address_id, phone_id = view.locations[0].address.id, view.phones[0].phone.id
    enrolment = await submit(
        enrollments.enrol_person,
        ctx,
        {"personId": kid.id, "schoolId": school, "grade": "01", "startDate": START},
    )
    pair = await submit(
        relationships.set_relationship,
        ctx,
        {"personId": mom.id, "relatedPersonId": kid.id, "type": "Mother", "startDate": START},
    )
    household = {"householdId": home.id}
    return {
        "membership": lambda day, v: submit(
            memberships.end_membership,
            ctx,
            {**household, "personId": kid.id, "endDate": day, "expectedVersion": v},
        ),
        "address": lambda day, v: submit(
            addresses.end_address,
            ctx,
            {**household, "addressId": address_id, "endDate": day, "expectedVersion": v},
        ),
        "phone": lambda day, v: submit(
            phones.end_phone,
            ctx,
            {"ownerId": home.id, "phoneId": phone_id, "endDate": day, "expectedVersion": v},
        ),
        "enrolment": lambda day, v: submit(
            enrollments.end_enrolment, ctx, {"enrolmentId": enrolment.id, "endDate": day}
        ),
        "relationship": lambda day, v: submit(
            relationships.end_relationship,
            ctx,
            {"relationshipId": pair.id, "endDate": day, "expectedVersion": v},
        ),
    }


def _with_every_boundary(test: Callable[..., Any]) -> Callable[..., Any]:
    """Each kind, always tried on both sides of each boundary: a day before its start, its
    start, and, once ended, that end and the day after (the generated days fall between)."""
    boundaries = [
        (date(2019, 12, 31), False),
        (START, False),
        (EARLIER_END, True),
        (date(2020, 7, 1), True),
    ]
    for kind in reversed(KINDS):
        for day, already_ended in reversed(boundaries):
            test = example(kind=kind, day=day, already_ended=already_ended)(test)
    return test


@settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kind=st.sampled_from(KINDS),
    day=st.dates(date(2019, 1, 1), date(2027, 1, 1)),
    already_ended=st.booleans(),
)
@_with_every_boundary
async def test_ending_succeeds_or_changes_nothing(
    ctx: UseCaseContext, kind: str, day: date, already_ended: bool
) -> None:
    end = (await _setup(ctx))[kind]
    version = 1
    if already_ended:
        await end(EARLIER_END, version)
        version = 2
    refused = day < START or (already_ended and day > EARLIER_END)
    event(f"{kind}: {'refused' if refused else 'ends'}")
    before = await graph_snapshot(ctx)

    if not refused:
        await end(day, version)
        assert await graph_snapshot(ctx) != before or day == EARLIER_END
        return
    with pytest.raises(BadInput):
        await end(day, version)
    assert await graph_snapshot(ctx) == before
