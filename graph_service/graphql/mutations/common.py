"""What every household mutation does around its use case: authorize the targets, build
the write's audit entry (stored in the same transaction), and read the result back."""

from __future__ import annotations

from typing import Any

from graph_service.access.policy import Right
from graph_service.db import audit
from graph_service.domain.base import validated
from graph_service.errors import NotFound
from graph_service.graphql.authorization import authorize_targets
from graph_service.graphql.context import Info
from graph_service.graphql.ids import input_data
from graph_service.graphql.selection import selected_of
from graph_service.graphql.types.household import Household
from graph_service.graphql.types.person import Person
from graph_service.services.context import UseCaseContext


async def prepare(
    info: Info,
    right: Right,
    raw_input: object,
    targets: list[tuple[str, str]],
    *,
    allow_unplaced_people: bool = False,
) -> tuple[dict[str, Any], UseCaseContext]:
    """The input as data and a use-case context whose transaction also writes the audit."""
    data: dict[str, Any] = input_data(raw_input)
    # Bad input is reported before anything is looked up, whatever the targets are.
    model = getattr(type(raw_input), "_pydantic_type", None)
    if model is not None:
        validated(model, data, today=info.context.runtime.today())
    operation = info.field_name
    resolved = [(kind, str(data.get(key, key))) for kind, key in targets]
    await authorize_targets(
        info, right, resolved, operation=operation, allow_unplaced_people=allow_unplaced_people
    )
    caller = await info.context.caller()
    runtime = info.context.runtime
    entry = audit.audit_entry(
        "household.write",
        at=runtime.now(),
        actor=caller.employee_id,
        employeeId=caller.employee_id,
        operation=operation,
        right=right.value,
        objectIds=[raw for _, raw in resolved],
        allowed=True,
        policyVersion=caller.grant.policy_version if caller.grant else runtime.policy.version,
    )
    return data, info.context.use_case(audit=[entry])


async def household_result(info: Info, household_id: str) -> Household:
    """The household as it is now, read after the write in one compiled statement: the
    mutation authorized it, so only what it reaches (a member's other households, a
    relative) is checked for scope again."""
    return await _result(info, "Household", household_id)  # type: ignore[no-any-return]


async def person_result(info: Info, person_id: str) -> Person:
    return await _result(info, "Person", person_id)  # type: ignore[no-any-return]


async def _result(info: Info, kind: str, identifier: str) -> Any:
    reader = info.context.reader(info.field_name)
    node = await reader.one(kind, identifier, selected_of(info, kind), as_of=None, checked=False)
    if node is None:
        raise NotFound(kind, identifier)
    return node
