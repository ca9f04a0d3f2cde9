"""Shared model bases and field types for the household graph."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel

from graph_service.errors import BadInput


class GraphModel(BaseModel):
    """camelCase on the wire and in the graph, snake_case in Python; read-only once built."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        frozen=True,
    )


class InputModel(GraphModel):
    """A use case's input: unknown fields are refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid")


# No real name or street holds these; they are what query injection and markup are made of.
_NOT_IN_NAMES = frozenset(";{}$`<>\\")


def _plain(cleaned: str) -> str:
    if any(char in _NOT_IN_NAMES or not char.isprintable() for char in cleaned):
        raise ValueError("must not contain ; { } $ ` < > \\ or control characters")
    return cleaned


def _trimmed_non_empty(value: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ValueError("must not be empty or only spaces")
    return _plain(cleaned)


def _trimmed_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(value.split())
    return _plain(cleaned) if cleaned else None


# Inner runs of whitespace collapse to one space, so "  Ann   Lee " is stored as "Ann Lee".
Name = Annotated[str, Field(max_length=100), AfterValidator(_trimmed_non_empty)]
OptionalName = Annotated[str | None, Field(max_length=100), AfterValidator(_trimmed_or_none)]
Comment = Annotated[str | None, Field(max_length=2000)]
Version = Annotated[int, Field(ge=1)]
Identifier = Annotated[str, Field(min_length=1, max_length=64)]


class NodeMeta(GraphModel):
    """What every stored node carries: identity, who/when, and its optimistic-lock version."""

    id: str
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    version: int


def check_date_order(start: date | None, end: date | None, *, field: str = "endDate") -> None:
    """End dates are inclusive (the last day a fact holds), so end == start is a one-day fact."""
    if start is not None and end is not None and end < start:
        raise BadInput(field, f"ends on {end}, before it starts on {start}")


M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: Mapping[str, Any], *, today: date) -> M:
    """`data` as a valid `model`, or BadInput naming every field that is wrong.

    Callers validate once, where the data comes in, and hand the model to the use case.
    `today` is the service clock's date: rules such as "birth date not in the future"
    depend on it, not on the machine's calendar.
    """
    try:
        return model.model_validate(data, context={"today": today})
    except ValidationError as error:
        raise BadInput.from_validation_error(error) from None
