from __future__ import annotations

from graph_service.db.migrations import is_schema_statement, known_migrations, split_statements


def test_split_statements_ignores_semicolons_in_comments() -> None:
    text = "// one; two\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\nRETURN 1;\n"
    assert split_statements(text) == ["CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)", "RETURN 1"]


def test_migrations_are_ordered_by_number_and_idempotent_by_construction() -> None:
    migrations = known_migrations()
    names = [migration.name for migration in migrations]
    assert names == sorted(names)
    assert len({name[:4] for name in names}) == len(names), "two migrations share a number"
    for migration in migrations:
        for statement in migration.statements:
            if statement.upper().startswith("CREATE"):
                assert "IF NOT EXISTS" in statement.upper(), (migration.name, statement)


def test_schema_statements_are_told_from_data_statements() -> None:
    assert is_schema_statement("CREATE TEXT INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)")
    assert is_schema_statement("create constraint b if not exists for (n:B) require n.id is unique")
    assert is_schema_statement("DROP INDEX a IF EXISTS")
    assert not is_schema_statement("MATCH (h:Household) SET h.indexed = true")
    assert not is_schema_statement("CREATE (:Index {constraint: 1})")


def test_a_schema_statement_may_open_with_a_comment() -> None:
    assert is_schema_statement("// why\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)")
