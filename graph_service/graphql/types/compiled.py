"""What the object types answered by compiled reads share: values arrive as the maps the
statement projected (db/read_compiler.py), keyed by the fields' Python names."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_service.graphql.ids import to_global_id


def global_id(type_name: str) -> Any:
    """The Relay `id` of a compiled object: its raw id, which the projection always carries,
    as a global id."""

    def resolve(root: strawberry.Parent[dict[str, Any]]) -> strawberry.ID:
        return strawberry.ID(to_global_id(type_name, root["id"]))

    # The execution's short path (graphql/execution.py) answers it without the call.
    resolve.global_id_of = type_name  # type: ignore[attr-defined]
    return strawberry.field(resolver=resolve)


class Projected:
    """Base of the object types with an id that compiled reads answer: a projected map names
    its type (`__typename`), which is how the API tells a Household from a Person."""

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, dict) and obj.get("__typename") == cls.__name__


def field_value(root: Any, name: str) -> object:
    """The schema's default resolver: a projected map's entry, else the attribute."""
    if type(root) is dict:
        return root[name]
    return getattr(root, name)
