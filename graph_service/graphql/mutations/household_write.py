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
from dataclasses import dataclass, replace
from datetime import UTC
from typing import Any, Generic, TypeVar

import strawberry
from pydantic import BaseModel

from graph_service.access.decision import CallerGrant
from graph_service.access.policy import Right
from graph_service.db import audit
from graph_service.db.idempotency import find_write
from graph_service.domain.base import validated
from graph_service.graphql.authorization import CanAdd, CanDelete, CanWrite
from graph_service.graphql.context import Info
from graph_service.graphql.ids import input_data
from graph_service.graphql.mutations.common import answer_with
from graph_service.graphql.types.household import Household
from graph_service.graphql.types.person import Person
from graph_service.services.access_gate import WriteTarget
from graph_service.services.context import UseCaseContext
from graph_service.services.idempotency import (
    HEADER,
    KEY_LIFETIME,
    UNREACHABLE,
    AlreadyApplied,
    AnswerUnavailable,
    KeyReused,
    claim_for,
    outcome_id,
)

M = TypeVar("M", bound=BaseModel)

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
    use-case context whose transaction also writes the audit entry (and the idempotency key,
    when the client sent one)."""

    request: M
    caller: CallerGrant
    ctx: UseCaseContext


@dataclass(frozen=True)
class Answer:
    """Which object the mutation answers with, as it is after the write: the one a request
    field names, or the one the use case returned (`field=None`), optionally mapped (an ended
    enrolment answers with its person). Replays of an idempotent write answer the same way
    from the outcome recorded with the key."""

    kind: str  # "Household" or "Person"
    field: str | None = None
    outcome_of: Callable[[Any], str | None] = outcome_id
    via: Callable[[Info, str], Awaitable[str]] | None = None

    async def object_id(self, info: Info, request: BaseModel, outcome: str | None) -> str:
        if self.field is not None:
            return str(getattr(request, self.field))
        if outcome is None:
            raise RuntimeError("the use case named no object to answer with")
        return await self.via(info, outcome) if self.via is not None else outcome


def household_named(field: str) -> Answer:
    return Answer("Household", field)


def person_named(field: str) -> Answer:
    return Answer("Person", field)


def created_household() -> Answer:
    return Answer("Household")


def created_person() -> Answer:
    return Answer("Person")


Body = Callable[[Info, Write[Any]], Awaitable[object]]
_RETURNS = {"Household": Household, "Person": Person}


@dataclass(frozen=True)
class Declaration:
    """What `household_write` was told about one mutation (tests walk these)."""

    right: Right
    model: type[BaseModel]
    targets: tuple[Target, ...]
    answer: Answer


DECLARED: dict[str, Declaration] = {}  # by the mutation's Python name


def household_write(
    right: Right,
    input_type: type,
    *,
    description: str,
    answer: Answer,
    targets: Sequence[Target] = (),
) -> Callable[[Body], Any]:
    """The strawberry mutation for `body`, named after it, taking `input: input_type` (a
    strawberry input generated from a domain model) and answering with `answer`'s object.
    `body` runs the use case and returns its result."""
    model: type[BaseModel] = input_type._pydantic_type  # type: ignore[attr-defined]
    returns = _RETURNS[answer.kind]

    def decorate(body: Body) -> Any:
        declaration = Declaration(right, model, tuple(targets), answer)
        DECLARED[body.__name__] = declaration

        async def resolver(self: Any, info: Info, input: Any) -> Any:
            write = await _authorize(info, declaration, input)
            outcome = await _apply_once(info, write, body, answer.outcome_of)
            try:
                identifier = await answer.object_id(info, write.request, outcome)
                return await answer_with(info, answer.kind, identifier)
            except UNREACHABLE:
                # Never "nothing was changed" about a write that committed.
                keyed = info.context.request.headers.get(HEADER) is not None
                raise AnswerUnavailable(keyed=keyed) from None

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


async def _apply_once(
    info: Info, write: Write[Any], body: Body, outcome_of: Callable[[Any], str | None]
) -> str | None:
    """Run `body` once per idempotency key: a key already recorded answers from its
    recorded outcome without running anything (the same key with other input is refused)."""
    header = info.context.request.headers.get(HEADER)
    if header is None:
        return outcome_of(await body(info, write))
    context = info.context
    claim = claim_for(
        employee_id=write.caller.employee_id,
        header=header,
        field=info.path.key if isinstance(info.path.key, str) else info.field_name,
        operation=info.field_name,
        request_json=write.request.model_dump_json(),
        outcome_of=outcome_of,
    )
    runtime = context.runtime
    expired_before = runtime.now().astimezone(UTC) - KEY_LIFETIME
    for _ in range(2):  # a concurrent first attempt may commit while this one waits
        recorded = await find_write(
            runtime.driver, key=claim.key, expired_before=expired_before, database=runtime.database
        )
        if recorded is not None:
            if recorded.fingerprint != claim.fingerprint:
                raise KeyReused()
            return recorded.outcome_id
        keyed = Write(write.request, write.caller, replace(write.ctx, idempotency=claim))
        try:
            return outcome_of(await body(info, keyed))
        except AlreadyApplied:
            continue
    raise AlreadyApplied  # unreachable: the key was recorded, so the second lookup finds it


async def _authorize(info: Info, declaration: Declaration, raw_input: object) -> Write[Any]:
    right, model, targets = declaration.right, declaration.model, declaration.targets
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
    gate = context.gate()
    await gate.targets(right, named, operation=operation)
    caller = await gate.caller()
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
    return Write(request=request, caller=caller, ctx=gate.use_case(audit=[entry]))
