"""Compiles a read's selection into one Cypher statement, from templates in `cypher/read/`.

A root template (`read/roots/<name>.cypher`) is a whole statement: the caller's grant, the
root objects, and a placeholder such as `@Household` where the projection of a root object
goes. A type template (`read/types/<Type>.cypher`) holds one `// @field <name>` section per
GraphQL field: the Cypher expression for that field of an object bound to:

- `this`, the object's node; `link`, the edge that reached it (a membership, a location);
  `owner`, the object that holds it (the person whose relationship this is);
- `child_` and `childLink_` bind a nested object inside a section; `@child` stands for the
  projection of that nested object, `@same` for a nested object on the same binding (a
  member's person is the member's node);
- `&name` stands for the value of the type's `// @let name` section: an expression computed
  once per object, and only when a selected field (or another needed let) refers to it, so
  several fields can share one scan of the graph (a person's relationships, read once for
  the household and non-household lists and the emergency contacts).

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

_SECTION = re.compile(r"^// @(field|let) (\w+)[ \t]*$", re.MULTILINE)
_LET_REF = re.compile(r"&(\w+)\b")
_COMMENT = re.compile(r"^[ \t]*//.*$\n?", re.MULTILINE)
_LOCAL = re.compile(r"\b([a-z][A-Za-z0-9]*_)(?![A-Za-z0-9_])")
_BINDING = re.compile(r"\b(this|link|owner)\b")
_ROOT_PLACEHOLDER = re.compile(r"@([A-Z]\w*)\b")
_SPACE = re.compile(r"\s+")
_PARAMETER = re.compile(r"\$(\w+)")
WITHHELD = "__withheld"  # the key an out-of-scope nested object carries instead of its fields
AUDITED = ("Household", "Person")  # the types whose objects a read's audit names


@dataclass(frozen=True)
class Selected:
    """One selected field: its GraphQL name, its Python name (the projection's key), the
    object type it returns (None for a leaf) and the fields selected below it."""

    name: str
    key: str
    type_name: str | None = None
    children: tuple[Selected, ...] = ()

    def __hash__(self) -> int:
        # Remembered: a selection keys the compiled statements' cache on every request.
        try:
            return self.__dict__["_hash"]  # type: ignore[no-any-return]
        except KeyError:
            found = self.__dict__["_hash"] = hash(
                (self.name, self.key, self.type_name, self.children)
            )
            return found


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
def _sections(type_name: str) -> tuple[dict[str, str], dict[str, str]]:
    """The field and let sections of `read/types/<type_name>`, comments removed; lets in
    the template's order (a let may refer only to lets above it)."""
    text = read_template(f"types/{type_name}")
    parts = _SECTION.split(text)
    found: dict[str, dict[str, str]] = {"field": {}, "let": {}}
    for kind, name, body in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        found[kind][name] = _COMMENT.sub("", body).strip()
    return found["field"], found["let"]


def type_fields(type_name: str) -> dict[str, str]:
    """The field sections of `read/types/<type_name>`, comments removed."""
    return _sections(type_name)[0]


def _lets_needed(lets: dict[str, str], texts: list[str]) -> list[str]:
    """The lets that `texts` refer to, with the lets those refer to, in template order."""
    needed: set[str] = set()
    pending = [name for text in texts for name in _LET_REF.findall(text)]
    while pending:
        name = pending.pop()
        if name in needed:
            continue
        if name not in lets:
            raise KeyError(f"no `// @let {name}` for `&{name}`")
        needed.add(name)
        pending.extend(_LET_REF.findall(lets[name]))
    return [name for name in lets if name in needed]


def _project(
    type_name: str, selection: tuple[Selected, ...], at: _Binding, counter: itertools.count[int]
) -> str:
    fields, lets = _sections(type_name)
    chosen: list[tuple[Selected, str]] = []
    for selected in selection:
        if selected.name == "__typename" or (selected.name == "id" and "id" in fields):
            continue
        try:
            chosen.append((selected, fields[selected.name]))
        except KeyError:
            raise UnknownField(type_name, selected.name) from None
    needed = _lets_needed(lets, [section for _, section in chosen])
    # Each let is bound once for this object by a one-element list comprehension, the one
    # way Cypher binds a value inside an expression; its name carries a level of its own.
    names = {name: f"let{next(counter)}_{name}" for name in needed}

    def bind(text: str) -> str:
        return _LET_REF.sub(lambda m: names[m[1]], text)

    # Objects with an id always carry it and their type: the audit records what was shown,
    # and the API tells a Household from a Person by it.
    entries = (
        [f"__typename: '{type_name}'", f"id: {at.apply(fields['id'])}"] if "id" in fields else []
    )
    for selected, section in chosen:
        entries.append(f"{selected.key}: {_field(bind(section), selected, at, counter)}")
    body = ",\n".join(entries)
    projection = "{\n" + _indent(body) + "\n}"
    for name in reversed(needed):
        value = at.apply(_suffix_locals(bind(lets[name]), names[name]))
        projection = f"[{names[name]} IN [{value}] | {projection}][0]"
    return projection


def _suffix_locals(text: str, suffix: str) -> str:
    """`text` with each local (an identifier ending in `_`) given `suffix`."""
    return _LOCAL.sub(lambda m: f"{m[1]}{suffix}", text)


def _field(section: str, selected: Selected, at: _Binding, counter: itertools.count[int]) -> str:
    level = next(counter)
    text = _suffix_locals(section, str(level))
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


@lru_cache(maxsize=512)
def parameters_of(text: str) -> frozenset[str]:
    """The names of the `$parameters` a compiled statement reads: a read sends only those (a
    search's page has no relationship labels, so no `$reciprocals`, the type catalogue)."""
    return frozenset(_PARAMETER.findall(text))


def statement(root: str, selections: dict[str, tuple[Selected, ...]]) -> LiteralString:
    """`compile_read` as the driver's statement type. The text is composed only from the
    templates in `cypher/read/` and field names of the validated schema, never from a
    request's values (those are parameters), so it is as constant as a literal."""
    return compile_read(root, tuple(sorted(selections.items())))  # type: ignore[return-value,unused-ignore]


Audited = tuple[tuple[str, "Audited"], ...]


@lru_cache(maxsize=512)
def audited_fields(type_name: str, selection: tuple[Selected, ...]) -> Audited:
    """Where households and people can be found in the projection of `selection` of an
    object of `type_name`: the keys of the selected fields that hold one (shown, or a
    withheld marker) or an object that leads to one, each with the same below it. What a
    read's audit walks, instead of every value of the answer."""
    found: list[tuple[str, Audited]] = []
    for selected in selection:
        if selected.type_name is None:
            continue
        below = audited_fields(selected.type_name, selected.children)
        if selected.type_name in AUDITED or below:
            found.append((selected.key, below))
    return tuple(found)
