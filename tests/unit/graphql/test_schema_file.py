from __future__ import annotations

from pathlib import Path

from strawberry.printer import print_schema

from graph_service.graphql.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schema.graphql"


def test_schema_file_matches_the_code() -> None:
    """When this fails, regenerate the file with `make schema`."""
    assert SCHEMA_FILE.read_text().strip() == print_schema(schema).strip()
