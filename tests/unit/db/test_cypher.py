"""Every Cypher statement is a file that some code runs, and every name used has a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_service.db.cypher import (
    BadInclude,
    UnknownCypher,
    _expand,
    cypher,
    fragment_names,
    included_fragments,
    read_template,
    statement_names,
)

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


def test_every_fragment_is_included_and_none_is_a_statement() -> None:
    assert set(fragment_names()) == included_fragments()
    assert not [name for name in statement_names() if name.startswith("fragments/")]


def test_an_include_is_replaced_by_its_fragment_indented_alike() -> None:
    statement = cypher("access/households_in_school_scope")
    assert "@include" not in statement
    assert "\n  any(scopeEnrolledAt IN [COLLECT {\n      MATCH (h)" in statement
    nested = read_template("roots/people_by_name")
    assert "@include" not in nested
    assert nested.count("IN scopeSchoolIds") == 3  # person (1) + nested household (2)


def test_a_missing_or_circular_fragment_is_refused_when_loading() -> None:
    with pytest.raises(BadInclude, match=r"cypher/fragments/none\.cypher"):
        _expand("RETURN 1\n// @include fragments/none\n", {})
    loop = {"fragments/a": "// @include fragments/a\n"}
    with pytest.raises(BadInclude, match="includes itself"):
        _expand("// @include fragments/a\n", loop)
