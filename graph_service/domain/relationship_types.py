"""The configurable catalogue of relationship types and their reciprocal labels."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from graph_service.errors import BadInput

PACKAGED_CATALOGUE = Path(__file__).with_name("relationship_types.json")


@dataclass(frozen=True)
class RelationshipTypeCatalogue:
    """Maps each type to its reciprocal. Several types may share one reciprocal (Father,
    Mother and Parent are all the reverse of Child); the reverse of such a shared label is
    the first type listed for it, unless the stored edge already says which one."""

    version: int
    reciprocals: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: Path) -> RelationshipTypeCatalogue:
        raw = json.loads(path.read_text(encoding="utf-8"))
        reciprocals: dict[str, str] = {}
        for entry in raw["types"]:
            reciprocals[entry["type"]] = entry["reciprocal"]
            reciprocals.setdefault(entry["reciprocal"], entry["type"])
        return cls(version=int(raw["version"]), reciprocals=reciprocals)

    @property
    def types(self) -> list[str]:
        return sorted(self.reciprocals)

    def require(self, type_name: str, *, field_name: str = "type") -> str:
        """The type as catalogued; BadInput when the catalogue does not know it."""
        if type_name not in self.reciprocals:
            known = ", ".join(self.types)
            raise BadInput(field_name, f'"{type_name}" is not a relationship type ({known})')
        return type_name

    def reciprocal(self, type_name: str) -> str:
        """What the other person is: reciprocal("Father") == "Child"."""
        return self.reciprocals[self.require(type_name)]

    def reverse_of(self, type_name: str, *, stored: str | None = None) -> str:
        """The label for the other direction, keeping `stored` when it already fits:
        stating "b is a's Child" over a stored "a is b's Father" keeps Father."""
        if stored is not None and self.reciprocals.get(stored) == type_name:
            return stored
        return self.reciprocal(type_name)


@cache
def default_catalogue() -> RelationshipTypeCatalogue:
    """The catalogue shipped with the package."""
    return RelationshipTypeCatalogue.from_file(PACKAGED_CATALOGUE)
