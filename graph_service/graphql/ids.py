"""Relay global ids: base64 of "Type:uuid", opaque to clients and stable for caches."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import fields, is_dataclass
from typing import Any

from pydantic.alias_generators import to_camel
from strawberry.types.unset import UnsetType

from graph_service.errors import BadInput

# Raw ids are UUIDs or short codes ("lincoln"); global ids are their base64. Anything else
# (empty, huge, or carrying query metacharacters) is refused before it reaches a use case.
_ID = re.compile(r"[A-Za-z0-9_.:=+/-]{1,200}")
NODE_TYPES = ("Household", "Person", "Address", "Phone", "School", "Relationship", "Enrollment")


def to_global_id(type_name: str, raw_id: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{raw_id}".encode()).decode()


def _decoded(global_id: str) -> tuple[str, str] | None:
    """(type name, what follows it) when `global_id` is base64 of "Type:..." for our types."""
    try:
        text = base64.urlsafe_b64decode(global_id.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, colon, raw = text.partition(":")
    return (type_name, raw) if colon and type_name in NODE_TYPES else None


def from_global_id(global_id: str) -> tuple[str, str] | None:
    """(type name, raw id), or None when `global_id` is not one of ours."""
    decoded = _decoded(global_id)
    if decoded is None or not _ID.fullmatch(decoded[1]):
        return None
    return decoded


def raw_id(value: str) -> str:
    """The raw id inside a global id; anything else is passed on unchanged (and then simply
    not found), so callers may also send raw ids."""
    decoded = from_global_id(value)
    return decoded[1] if decoded else value


def input_data(value: Any, path: str = "") -> Any:
    """A strawberry input as plain data for a use case: nested inputs become dicts, ids
    (fields named `*_id` / `*_ids`) become raw ids after a format check, unset fields are
    left out. Everything else is validated by the use case's pydantic model."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {}
        for field in fields(value):
            item = getattr(value, field.name)
            if not isinstance(item, UnsetType):
                data[field.name] = input_data(item, _join(path, field.name))
        return data
    if isinstance(value, list):
        return [input_data(item, path) for item in value]
    if isinstance(value, str) and (path.endswith("_id") or path.endswith("_ids")):
        if not _ID.fullmatch(value):
            raise BadInput(to_camel(path), "is not an id (letters, digits and -_.:=+/ only)")
        if _decoded(value) is not None and from_global_id(value) is None:
            # Shaped like our global ids but holding something no record is keyed by.
            raise BadInput(to_camel(path), "is not an id this service gave out")
        return raw_id(value)
    return value


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
