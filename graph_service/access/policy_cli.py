"""`graph-service policy check` and `graph-service policy schemas`: configuration that
fails closed is checked before anything runs, and its formats are documented by schemas
generated from the models that read them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from graph_service.access.policy import InvalidPolicy, Policy, load_policy
from graph_service.access.policy_check import disagreements, load_reference
from graph_service.access.settings import AccessSettings
from graph_service.db.staff import ReferenceData

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "schemas"
_SCHEMAS: dict[str, type[Policy] | type[ReferenceData]] = {
    "access-policy.schema.json": Policy,
    "reference-data.schema.json": ReferenceData,
}


def schema_texts() -> dict[str, str]:
    """Each JSON Schema file's name and text, generated from the pydantic models."""
    texts: dict[str, str] = {}
    for name, model in _SCHEMAS.items():
        schema: dict[str, Any] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **model.model_json_schema(by_alias=True, mode="validation"),
        }
        texts[name] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return texts


@click.group()
def policy() -> None:
    """The access policy file and the reference data it must agree with."""


@policy.command()
@click.argument("policy_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("reference", required=False, type=click.Path(dir_okay=False, path_type=Path))
def check(policy_file: Path, reference: Path | None) -> None:
    """Validate POLICY_FILE and, when REFERENCE (roles, schools, teams as loaded by
    `access-reference`; default GRAPH_SERVICE_ACCESS_REFERENCE_FILE) is given, their
    agreement: exit 1 naming every problem."""
    try:
        reference = reference or AccessSettings().access_reference_file
        loaded = load_policy(policy_file)
        data = load_reference(reference) if reference is not None else None
    except (InvalidPolicy, ValueError) as error:
        raise click.ClickException(str(error)) from None
    if data is None:
        click.echo(f"{policy_file}: valid policy {loaded.version} (no reference data given)")
        return
    problems = disagreements(loaded, data)
    if problems:
        lines = [f"{policy_file} and {reference} disagree ({len(problems)} problems):"]
        raise click.ClickException("\n".join(lines + [f"  - {p}" for p in problems]))
    click.echo(
        f"{policy_file}: valid policy {loaded.version}, in agreement with {reference} "
        f"({len(data.roles)} roles, {len(data.schools)} schools, {len(data.teams)} teams)"
    )


@policy.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=SCHEMA_DIR,
    show_default=True,
    help="Directory to write the schemas to.",
)
def schemas(out: Path) -> None:
    """Write the JSON Schemas of the policy file and the reference data file."""
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (out / name).write_text(text, encoding="utf-8")
        click.echo(f"wrote {out / name}")
