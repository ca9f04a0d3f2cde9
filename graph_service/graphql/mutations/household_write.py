"""One declaration per household mutation: its right, the ids it touches, and its input.

`@household_write(Right.WRITE, EditPersonInput, targets=[person("person_id")])` makes the
strawberry mutation. From that one declaration come the permission class (an active grant
with the right, FORBIDDEN and audited otherwise), the input validated once against its
domain model with the service clock (BAD_USER_INPUT before anything is looked up), the
targets' scope (one statement; an out-of-scope id answers exactly as a missing one) and the
audit entry written in the use case's own transaction. The body receives a `Write` and does
only what is particular to its mutation.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, get_type_hints

import strawberry
from pydantic import BaseModel

from graph_service.access.decision import CallerGrant
from graph_service.access.policy import Right
from graph_service.db import audit
from graph_service.domain.base import validated
from graph_service.graphql.authorization import (
    CanAdd,
    CanDelete,
    CanWrite,
    WriteTarget,
    authorize_targets,
)
from graph_service.graphql.context import Info
from graph_service.graphql.ids import input_data
from graph_service.services.context import UseCaseContext

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")

_PERMISSION = {Right.ADD: CanAdd, Right.WRITE: CanWrite, Right.DELETE: CanDelete}


@dataclass(frozen=True)
class Target:
    """An id the mutation touches: the request field that holds it (a dotted path reaches
    into lists, e.g. "members.person_id") and what it must name."""

    kind: str  # "Household", "Person", "Relationship" or "Enrollment"
    field: str
    # A person with no household and no enrolment yet (just created; the duplicate being
    # merged away) may be placed by anyone with the right; everything else must be in scope.
    may_be_unplaced: bool = False

    def ids(self, data: BaseModel) -> list[str]:
        values: list[Any] = [data]
        for name in self.field.split("."):
            values = [
                item
                for value in values
                for item in _as_list(getattr(value, name, None))
                if item is not None
            ]
        return [str(value) for value in values]


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def household(field: str) -> Target:
    return Target("Household", field)


def person(field: str, *, may_be_unplaced: bool = False) -> Target:
    return Target("Person", field, may_be_unplaced)


def relationship(field: str) -> Target:
    return Target("Relationship", field)


def enrollment(field: str) -> Target:
    return Target("Enrollment", field)


@dataclass(frozen=True)
class Write(Generic[M]):
    """What a mutation's body works with: the validated request, the caller's grant, and a
    use-case context whose transaction also writes the audit entry."""

    request: M
    caller: CallerGrant
    ctx: UseCaseContext


Body = Callable[[Info, Write[Any]], Awaitable[R]]


@dataclass(frozen=True)
class Declaration:
    """What `household_write` was told about one mutation (tests walk these)."""

    right: Right
    model: type[BaseModel]
    targets: tuple[Target, ...]


DECLARED: dict[str, Declaration] = {}  # by the mutation's Python name


def household_write(
    right: Right,
    input_type: type,
    *,
    description: str,
    targets: Sequence[Target] = (),
) -> Callable[[Body[R]], Any]:
    """The strawberry mutation for `body`, named after it, taking `input: input_type` (a
    strawberry input generated from a domain model) and returning what `body` returns."""
    model: type[BaseModel] = input_type._pydantic_type  # type: ignore[attr-defined]

    def decorate(body: Body[R]) -> Any:
        returns = get_type_hints(body)["return"]
        DECLARED[body.__name__] = Declaration(right, model, tuple(targets))

        async def resolver(self: Any, info: Info, input: Any) -> R:
            write = await _authorize(info, right, model, input, targets)
            return await body(info, write)

        resolver.__name__ = body.__name__
        resolver.__qualname__ = body.__qualname__
        resolver.__module__ = body.__module__
        resolver.__annotations__ = {"info": Info, "input": input_type, "return": returns}
        resolver.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [
                inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
                inspect.Parameter("info", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Info),
                inspect.Parameter(
                    "input", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=input_type
                ),
            ],
            return_annotation=returns,
        )
        return strawberry.mutation(
            resolver, description=description, permission_classes=[_PERMISSION[right]]
        )

    return decorate


async def _authorize(
    info: Info, right: Right, model: type[M], raw_input: object, targets: Sequence[Target]
) -> Write[M]:
    context = info.context
    runtime = context.runtime
    # Bad input is reported before anything is looked up, whatever the targets are.
    request = validated(model, input_data(raw_input), today=runtime.today())
    operation = info.field_name
    named = [
        WriteTarget(target.kind, raw, target.may_be_unplaced)
        for target in targets
        for raw in target.ids(request)
    ]
    await authorize_targets(info, right, named, operation=operation)
    caller = await context.caller()
    entry = audit.audit_entry(
        "household.write",
        at=runtime.now(),
        actor=caller.employee_id,
        employeeId=caller.employee_id,
        operation=operation,
        right=right.value,
        objectIds=[target.raw_id for target in named],
        allowed=True,
        policyVersion=caller.grant.policy_version if caller.grant else runtime.policy.version,
    )
    return Write(request=request, caller=caller, ctx=context.use_case(audit=[entry]))
