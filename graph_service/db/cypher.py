"""Every Cypher statement, loaded once from the `cypher/` folder and looked up by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import LiteralString

_PACKAGED = Path(__file__).resolve().parent.parent / "_cypher"  # inside an installed wheel
_SOURCE = Path(__file__).resolve().parent.parent.parent / "cypher"  # in the source tree


class UnknownCypher(KeyError):
    def __init__(self, name: str) -> None:
        super().__init__(f'no Cypher statement named "{name}" (expected cypher/{name}.cypher)')


def cypher_root() -> Path:
    """The folder holding the .cypher files, packaged or in the source tree."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


@cache
def _library() -> dict[str, str]:
    root = cypher_root()
    return {
        path.relative_to(root).with_suffix("").as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.cypher"))
    }


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
