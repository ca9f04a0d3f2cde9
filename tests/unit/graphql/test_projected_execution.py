"""The short path for projected leaves answers exactly what graphql-core's long path answers:
the same data, the same errors at the same paths, for values that fit their types and values
that do not."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import pytest
import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from graph_service.graphql import scalars
from graph_service.graphql.execution import ProjectedExecutionContext
from graph_service.graphql.types.compiled import field_value


@strawberry.enum
class Kind(enum.Enum):
    PHONE = "PHONE"
    EMAIL = "EMAIL"


@strawberry.type
class Contact:
    kind: Kind
    value: str
    priority: int | None
    since: date
    seen_at: datetime | None

    @strawberry.field
    def shout(self, root: strawberry.Parent[dict[str, Any]]) -> str:
        return str(root["value"]).upper()


@strawberry.type
class Place:
    street: str
    since: date
    kind: Kind | None


@strawberry.type
class Holder:
    name: str
    nickname: str | None
    contacts: list[Contact]
    tags: list[str]
    home: Place | None
    places: list[Place]


PROJECTED: dict[str, Any] = {}


@strawberry.type
class Shelf:
    """A strawberry object holding projected maps, as a search's connection and edges do."""

    label: str
    holders: list[Holder]
    first: Holder | None


@strawberry.type
class Query:
    @strawberry.field
    def holder(self) -> Holder | None:
        return PROJECTED["holder"]  # type: ignore[no-any-return]  # a projected map, as compiled reads return

    @strawberry.field
    def shelf(self) -> Shelf:
        holder = PROJECTED["holder"]
        return Shelf(label=PROJECTED.get("label", "top"), holders=[holder, holder], first=holder)


def _schema(context_class: type) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        config=StrawberryConfig(default_resolver=field_value),
        scalar_overrides={date: scalars.DATE, datetime: scalars.DATE_TIME},
        execution_context_class=context_class,
    )


FAST = _schema(ProjectedExecutionContext)
LONG = _schema(StrawberryGraphQLCoreExecutionContext)
DOCUMENT = """
query($withSince: Boolean! = true) {
  holder {
    __typename name alias: name nickname tags
    contacts { kind value shout priority since seenAt first: value }
    home { ...placed street }
    places { __typename ... on Place { street kind } since @include(if: $withSince) }
    again: places { street since @skip(if: $withSince) }
  }
}
fragment placed on Place { street since }
"""


def _contact(**overrides: Any) -> dict[str, Any]:
    contact = {"kind": "PHONE", "value": "612", "priority": 1, "since": "2026-01-05",
               "seen_at": "2026-01-05T10:00:00+00:00"}  # fmt: skip
    return {**contact, **overrides}


def _place(**overrides: Any) -> dict[str, Any]:
    return {"street": "1 Main St", "since": "2020-02-01", "kind": None, **overrides}


def _holder(**overrides: Any) -> dict[str, Any]:
    email = _contact(kind="EMAIL", value="x@y", priority=None)
    places = [_place(kind="PHONE"), _place(street="2 Elm")]
    holder = {"name": "Lee", "nickname": None, "tags": ["a", "b"], "contacts": [_contact(), email],
              "home": _place(), "places": places}  # fmt: skip
    return {**holder, **overrides}


CASES = {
    "values that fit": _holder(),
    "null where allowed": _holder(nickname=None, contacts=[_contact(priority=None, seen_at=None)]),
    "null where forbidden": _holder(name=None),
    "null inside a list item": _holder(contacts=[_contact(value=None)]),
    "an enum value the type does not know": _holder(contacts=[_contact(kind="FAX")]),
    "a number where text is declared": _holder(name=12),
    "text where a number is declared": _holder(contacts=[_contact(priority="first")]),
    "a date out of shape": _holder(contacts=[_contact(since="yesterday")]),
    "no home": _holder(home=None),
    "a nested object's null where forbidden": _holder(home=_place(street=None)),
    "a null item in a list of objects": _holder(places=[_place(), None]),
    "a nested enum value the type does not know": _holder(places=[_place(kind="FAX")]),
    "a list where an object is declared": _holder(home=[_place()]),
    "an entry the projection lacks": _holder(home={"street": "3 Oak"}),
}


def _answer(schema: strawberry.Schema) -> dict[str, Any]:
    result = schema.execute_sync(DOCUMENT)
    errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
    return {"data": result.data, "errors": errors}


@pytest.mark.parametrize("case", list(CASES))
def test_the_short_path_answers_as_the_long_one(case: str) -> None:
    PROJECTED["holder"] = CASES[case]

    fast, long = _answer(FAST), _answer(LONG)

    assert fast == long
    if case == "values that fit":
        assert fast["data"]["holder"]["contacts"][1] == {
            "kind": "EMAIL", "value": "x@y", "shout": "X@Y", "priority": None,
            "since": "2026-01-05", "seenAt": "2026-01-05T10:00:00+00:00", "first": "x@y",
        }  # fmt: skip


@pytest.fixture
def executed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The fields graphql-core's own (long) path executes, as "Type.field", from now on."""
    names: list[str] = []
    long_path = StrawberryGraphQLCoreExecutionContext.execute_field

    def counting(self: Any, parent_type: Any, source: Any, fields: Any, *rest: Any) -> Any:
        names.append(f"{parent_type.name}.{fields[0].node.name.value}")
        return long_path(self, parent_type, source, fields, *rest)

    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "execute_field", counting)
    return names


def test_the_long_path_runs_only_where_the_short_one_cannot_answer(executed: list[str]) -> None:
    """Fields graphql-core executed: the root field, and the contacts, whose `shout` has a
    resolver of its own; the rest (nested objects and lists included) took the short path."""
    PROJECTED["holder"] = _holder()

    assert _answer(FAST)["errors"] == []
    assert executed.count("Query.holder") == 1
    assert executed.count("Holder.contacts") == 1
    assert executed.count("Contact.shout") == 2
    assert not [name for name in executed if name.startswith(("Place.", "Holder.places"))]


SHELF = "{ shelf { label holders { name tags home { street } } first { __typename name } } }"
SHELF_CASES = ["values that fit", "null where forbidden", "a nested object's null where forbidden"]


@pytest.mark.parametrize("case", [*SHELF_CASES, "a null label"])
def test_strawberry_objects_holding_projected_maps_answer_as_the_long_path(case: str) -> None:
    PROJECTED["holder"] = CASES.get(case, CASES["values that fit"])
    PROJECTED["label"] = None if case == "a null label" else "top"
    try:
        fast, long = FAST.execute_sync(SHELF), LONG.execute_sync(SHELF)
    finally:
        PROJECTED.pop("label")

    def shown(result: Any) -> Any:
        errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
        return result.data, errors

    assert shown(fast) == shown(long)


def test_a_strawberry_objects_basic_fields_take_the_short_path(executed: list[str]) -> None:
    PROJECTED["holder"] = _holder()

    result = FAST.execute_sync(SHELF)

    assert result.errors is None
    assert executed == ["Query.shelf"]
