"""The Date and DateTime scalars: ISO text in and out, and only days the service keeps.

Checking the span here (not only in the use cases' models) covers every argument at once,
`asOf` included, and refuses the value before any resolver does arithmetic on it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import dateutil.parser  # type: ignore[import-untyped]  # no stubs; what strawberry parses with
from graphql import GraphQLError, ValueNode, value_from_ast_untyped
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.schema.types.base_scalars import DateDefinition, DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition

from graph_service.domain.date_range import out_of_range

# Enough of a refused value for the caller to recognise it, not a megabyte echoed back.
_SHOWN = 40


def _text_or_iso(value: object) -> str:
    """Compiled reads format dates and instants in Cypher; other fields give Python values."""
    return value if isinstance(value, str) else value.isoformat()  # type: ignore[attr-defined]


def _parser(type_name: str, example: str, parse: Callable[[str], date]) -> Callable[[object], date]:
    def parse_value(value: object) -> date:
        shown = str(value)[:_SHOWN]
        if not isinstance(value, str):
            raise StrawberryInputCoercionError(f'"{shown}" is not a {type_name}: send ISO text')
        try:
            parsed = parse(value)
        # dateutil raises OverflowError past year 9999 (9999-12-31T24:00).
        except (ValueError, OverflowError) as error:
            # The parsers' own messages may quote all of a megabyte-long value.
            why = str(error) if len(str(error)) <= _SHOWN else f"write it like {example}"
            raise StrawberryInputCoercionError(f'"{shown}" is not a {type_name}: {why}') from None
        reason = out_of_range(parsed.date() if isinstance(parsed, datetime) else parsed)
        if reason:
            raise StrawberryInputCoercionError(reason)
        return parsed

    return parse_value


def _literal_parser(parse_value: Callable[[object], date]) -> Callable[..., date]:
    """A value written in the document: refused with its place, so the caller learns which
    argument or input field it was (graphql-core passes a GraphQLError on as it is)."""

    def parse_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> date:
        try:
            return parse_value(value_from_ast_untyped(node, variables))
        except GraphQLError as error:
            raise StrawberryInputCoercionError(error.message, nodes=node) from None

    return parse_literal


def _scalar(base: ScalarDefinition, example: str, parse: Callable[[str], date]) -> ScalarDefinition:
    parse_value = _parser(base.name, example, parse)
    return dataclasses.replace(
        base,
        serialize=_text_or_iso,
        parse_value=parse_value,
        parse_literal=_literal_parser(parse_value),
    )


DATE = _scalar(DateDefinition, "2026-08-20", date.fromisoformat)
DATE_TIME = _scalar(DateTimeDefinition, "2026-08-20T08:00:00-05:00", dateutil.parser.isoparse)
