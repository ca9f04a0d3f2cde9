"""Every Cypher statement, loaded once from the `cypher/` folder and looked up by name.

A rule that several statements must state identically (who a school's grant covers) lives
once in `cypher/fragments/` and is pulled in by a line `// @include fragments/<name>`; the
fragment's text replaces that line when the library loads, so the database still receives
one constant statement with parameters.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import LiteralString

_PACKAGED = Path(__file__).resolve().parent.parent / "_cypher"  # inside an installed wheel
_SOURCE = Path(__file__).resolve().parent.parent.parent / "cypher"  # in the source tree
_FRAGMENTS = "fragments/"
_READ = "read/"  # templates the read compiler composes (db/read_compiler.py), not statements
_INCLUDE = re.compile(r"^(?P<indent>[ \t]*)// @include (?P<name>[\w/]+)[ \t]*$", re.MULTILINE)


class UnknownCypher(KeyError):
    def __init__(self, name: str) -> None:
        super().__init__(f'no Cypher statement named "{name}" (expected cypher/{name}.cypher)')


def cypher_root() -> Path:
    """The folder holding the .cypher files, packaged or in the source tree."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


class BadInclude(ValueError):
    pass


def _expand(text: str, fragments: dict[str, str], within: tuple[str, ...] = ()) -> str:
    """`text` with every include line replaced by its fragment (indented alike)."""

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if not name.startswith(_FRAGMENTS) or name not in fragments:
            raise BadInclude(f'"// @include {name}": no fragment cypher/{name}.cypher')
        if name in within:
            raise BadInclude(f"fragment {name} includes itself")
        body = _expand(fragments[name], fragments, (*within, name)).rstrip("\n")
        return "\n".join(match["indent"] + line if line else line for line in body.split("\n"))

    return _INCLUDE.sub(replace, text)


@cache
def _texts() -> dict[str, str]:
    root = cypher_root()
    return {
        path.relative_to(root).with_suffix("").as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.cypher"))
    }


@cache
def _library() -> dict[str, str]:
    texts = _texts()
    fragments = {name: text for name, text in texts.items() if name.startswith(_FRAGMENTS)}
    return {
        name: _expand(text, fragments)
        for name, text in texts.items()
        if not name.startswith((_FRAGMENTS, _READ))
    }


@cache
def read_template(name: str) -> str:
    """The read compiler's template `cypher/read/<name>.cypher`, its includes expanded."""
    texts = _texts()
    fragments = {key: text for key, text in texts.items() if key.startswith(_FRAGMENTS)}
    try:
        return _expand(texts[_READ + name], fragments)
    except KeyError:
        raise UnknownCypher(_READ + name) from None


def read_template_names() -> list[str]:
    """Every read template's name (`types/Household`, `roots/household`, ...)."""
    return sorted(name.removeprefix(_READ) for name in _texts() if name.startswith(_READ))


def included_fragments() -> set[str]:
    """The fragments some statement includes, for the test that finds unused ones."""
    texts = _texts()
    return {m["name"] for text in texts.values() for m in _INCLUDE.finditer(text)}


def fragment_names() -> list[str]:
    return sorted(name for name in _texts() if name.startswith(_FRAGMENTS))


def cypher(name: str) -> LiteralString:
    """The statement stored in `cypher/<name>.cypher`, e.g. `cypher("meta/ping")`."""
    try:
        text = _library()[name]
    except KeyError:
        raise UnknownCypher(name) from None
    # The text comes from files in this repository, never from input, so it is as constant
    # as a literal would be (hence LiteralString); values always travel as $parameters.
    return text  # type: ignore[return-value,unused-ignore]  # see above


def statement_names() -> list[str]:
    """Every statement name, for the test that finds unused or missing files."""
    return sorted(_library())


EXPLAIN = "EXPLAIN "


def explained(statement: LiteralString) -> LiteralString:
    """`statement` for Neo4j to plan (and cache the plan of) without running it: a statement
    from this library, never input."""
    return EXPLAIN + statement


def is_explained(text: str) -> bool:
    return text.startswith(EXPLAIN)
