"""Every Cypher statement is a file that some code runs, and every name used has a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_service.db.cypher import UnknownCypher, cypher, statement_names

ROOT = Path(__file__).resolve().parents[3]
NAME_IN_CODE = re.compile(r"""cypher\(\s*["']([\w/]+)["']""")


def _names_used_in(*folders: str) -> set[str]:
    used: set[str] = set()
    for folder in folders:
        for source in (ROOT / folder).rglob("*.py"):
            used.update(NAME_IN_CODE.findall(source.read_text()))
    return used


def test_every_statement_used_in_code_exists() -> None:
    missing = _names_used_in("graph_service", "tests", "seeds", "bench") - set(statement_names())
    assert missing == set()


def test_every_statement_file_is_used() -> None:
    files = {name for name in statement_names() if not name.startswith("migrations/")}
    unused = files - _names_used_in("graph_service", "tests", "seeds", "bench")
    assert unused == set()


def test_unknown_statement_names_the_missing_file() -> None:
    name = "/".join(["nowhere", "nothing"])
    with pytest.raises(UnknownCypher, match=r"cypher/nowhere/nothing\.cypher"):
        cypher(name)


def test_python_modules_hold_no_cypher_text() -> None:
    cypher_words = re.compile(r"""["'][^"'\n]*\b(MATCH|MERGE|UNWIND|DETACH DELETE)\b[^"'\n]*\(""")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "graph_service").rglob("*.py")
        if cypher_words.search(path.read_text())
    ]
    assert offenders == []
