"""Running a use case on raw data the way the API does: validated once, at the edge."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from functools import cache
from typing import Any, TypeVar, get_type_hints

from pydantic import BaseModel

from graph_service.domain.base import validated
from graph_service.services.context import UseCaseContext

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")


async def submit(
    use_case: Callable[[UseCaseContext, M], Awaitable[R]],
    ctx: UseCaseContext,
    data: Mapping[str, Any],
) -> R:
    """`use_case(ctx, request)` with `data` validated against the use case's input model
    with the service clock's `today`, as the GraphQL layer does: BadInput, before the use
    case runs, when the data is not valid."""
    return await use_case(ctx, validated(_input_model(use_case), data, today=ctx.today()))


@cache
def _input_model(use_case: Callable[..., Any]) -> Any:
    # Use cases name their one input `request` and type it as its domain model.
    return get_type_hints(use_case)["request"]
