"""Compiles a read's selection into one Cypher statement, from templates in `cypher/read/`.

A root template (`read/roots/<name>.cypher`) is a whole statement: the caller's grant, the
root objects, and a placeholder such as `@Household` where the projection of a root object
goes. A type template (`read/types/<Type>.cypher`) holds one `// @field <name>` section per
GraphQL field: the Cypher expression for that field of an object bound to:

- `this`, the object's node; `link`, the edge that reached it (a membership, a location);
  `owner`, the object that holds it (the person whose relationship this is);
- `child_` and `childLink_` bind a nested object inside a section; `@child` stands for the
  projection of that nested object, `@same` for a nested object on the same binding (a
  member's person is the member's node).

The compiler projects exactly the selected fields, as map entries named by the fields'
Python names, nesting sections for nested selections. Every identifier ending in `_` is
renamed per nesting level, so nested subqueries never capture an outer variable. Nothing in
a template or a selection comes from a request's values: field names come from the
validated GraphQL document and all values travel as `$parameters`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import LiteralString

from graph_service.db.cypher import read_template

_FIELD = re.compile(r"^// @field (\w+)[ \t]*$", re.MULTILINE)
_COMMENT = re.compile(r"^[ \t]*//.*$\n?", re.MULTILINE)
_LOCAL = re.compile(r"\b([a-z][A-Za-z0-9]*_)(?![A-Za-z0-9_])")
_BINDING = re.compile(r"\b(this|link|owner)\b")
_ROOT_PLACEHOLDER = re.compile(r"@([A-Z]\w*)\b")
_SPACE = re.compile(r"\s+")
WITHHELD = "__withheld"  # the key an out-of-scope nested object carries instead of its fields


@dataclass(frozen=True)
class Selected:
    """One selected field: its GraphQL name, its Python name (the projection's key), the
    object type it returns (None for a leaf) and the fields selected below it."""

    name: str
    key: str
    type_name: str | None = None
    children: tuple[Selected, ...] = ()


@dataclass(frozen=True)
class _Binding:
    this: str
    link: str
    owner: str

    def apply(self, text: str) -> str:
        names = {"this": self.this, "link": self.link, "owner": self.owner}
        return _BINDING.sub(lambda m: names[m[1]], text)


class UnknownField(KeyError):
    def __init__(self, type_name: str, field: str) -> None:
        super().__init__(f"cypher/read/types/{type_name}.cypher has no `// @field {field}`")


@cache
def type_fields(type_name: str) -> dict[str, str]:
    """The field sections of `read/types/<type_name>`, comments removed."""
    text = read_template(f"types/{type_name}")
    parts = _FIELD.split(text)
    return {
        name: _COMMENT.sub("", body).strip()
        for name, body in zip(parts[1::2], parts[2::2], strict=True)
    }


def _project(
    type_name: str, selection: tuple[Selected, ...], at: _Binding, counter: itertools.count[int]
) -> str:
    fields = type_fields(type_name)
    # Objects with an id always carry it and their type: the audit records what was shown,
    # and the API tells a Household from a Person by it.
    entries = (
        [f"__typename: '{type_name}'", f"id: {at.apply(fields['id'])}"] if "id" in fields else []
    )
    for selected in selection:
        if selected.name == "__typename" or (selected.name == "id" and "id" in fields):
            continue
        try:
            section = fields[selected.name]
        except KeyError:
            raise UnknownField(type_name, selected.name) from None
        entries.append(f"{selected.key}: {_field(section, selected, at, counter)}")
    body = ",\n".join(entries)
    return "{\n" + _indent(body) + "\n}"


def _field(section: str, selected: Selected, at: _Binding, counter: itertools.count[int]) -> str:
    level = next(counter)
    text = _LOCAL.sub(lambda m: f"{m[1]}{level}", section)
    text = at.apply(text)
    if selected.type_name is None:
        return text
    if "@child" in text:
        child = _Binding(this=f"child_{level}", link=f"childLink_{level}", owner=at.this)
        return text.replace(
            "@child", _project(selected.type_name, selected.children, child, counter)
        )
    if "@same" in text:
        return text.replace("@same", _project(selected.type_name, selected.children, at, counter))
    return text


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else line for line in text.split("\n"))


@lru_cache(maxsize=512)
def compile_read(root: str, selections: tuple[tuple[str, tuple[Selected, ...]], ...]) -> str:
    """The statement of `read/roots/<root>` with each `@Type` placeholder replaced by the
    projection of the selected fields of `Type` for the object bound to `this`.
    `selections` pairs each placeholder's type with what the request selected of it."""
    by_type = dict(selections)
    counter = itertools.count(1)
    root_binding = _Binding(this="this", link="link", owner="owner")

    def projection(match: re.Match[str]) -> str:
        type_name = match[1]
        return _project(type_name, by_type.get(type_name, ()), root_binding, counter)

    text = _ROOT_PLACEHOLDER.sub(projection, _COMMENT.sub("", read_template(f"roots/{root}")))
    # One line: the driver sends, and Neo4j hashes for its query cache, every byte each time.
    return _SPACE.sub(" ", text).strip()


def statement(root: str, selections: dict[str, tuple[Selected, ...]]) -> LiteralString:
    """`compile_read` as the driver's statement type. The text is composed only from the
    templates in `cypher/read/` and field names of the validated schema, never from a
    request's values (those are parameters), so it is as constant as a literal."""
    return compile_read(root, tuple(sorted(selections.items())))  # type: ignore[return-value,unused-ignore]
