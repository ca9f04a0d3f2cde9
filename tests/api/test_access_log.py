"""A household's access record over HTTP and from the CLI (issue 13): every read and change
of it, with whether the actor's grant entitled them to it at that instant."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from graph_service.access.access_log import from_csv, to_csv
from graph_service.access.cli import access_log
from graph_service.auth.principal import PlatformRole
from graph_service.graphql.ids import raw_id
from graph_service.settings import Settings
from tests.api.conftest import GraphQLClient

LOG = """query($id: ID!, $first: Int, $after: String) {
  accessLog(householdId: $id, first: $first, after: $after) {
    edges { cursor node { entryId at actor operation action right allowed entitled
                          entitlement subjectIds policyVersion } }
    pageInfo { hasNextPage endCursor }
  }
}"""
READ = "query($id: ID!) { household(id: $id) { id name } }"


def _mutate(client: GraphQLClient, field: str, input_type: str, **values: Any) -> Any:
    query = f"mutation($input: {input_type}!) {{ {field}(input: $input) {{ id version }} }}"
    return client.data(query, input=values)[field]


def _record(admin: GraphQLClient, household: str, until_at_least: int) -> list[dict[str, Any]]:
    """The whole record, once the read audit (written every few seconds) has caught up."""
    deadline = time.monotonic() + 10
    while True:
        entries = [
            e["node"] for e in admin.data(LOG, id=household, first=100)["accessLog"]["edges"]
        ]
        if len(entries) >= until_at_least or time.monotonic() > deadline:
            return entries
        time.sleep(0.3)


@pytest.fixture
def scenario(as_staff: Any) -> tuple[str, str]:
    """A Lincoln family created, renamed and read by its clerk, looked for by Elm's clerk
    (refused), and read by a district user; returns the household's id and its member's."""
    clerk = as_staff("lincoln_office")
    mom = _mutate(
        clerk, "createPerson", "CreatePersonInput",
        firstName="Rhea", lastName="Logged", birthDate="1988-02-02", confirmNotDuplicate=True,
    )  # fmt: skip
    home = _mutate(
        clerk, "createHousehold", "CreateHouseholdInput",
        name="Logged", startDate="2026-09-01", members=[{"personId": mom["id"]}],
    )  # fmt: skip
    _mutate(
        clerk, "editHousehold", "EditHouseholdInput",
        householdId=home["id"], expectedVersion=home["version"], name="Logged (renamed)",
    )  # fmt: skip
    assert clerk.data(READ, id=home["id"])["household"]["name"] == "Logged (renamed)"
    assert as_staff("elm_office").data(READ, id=home["id"])["household"] is None
    assert as_staff("district").data(READ, id=home["id"])["household"] is not None
    return home["id"], mom["id"]


def test_the_record_lists_every_read_and_change_with_entitlement_then(
    as_staff: Any, scenario: tuple[str, str]
) -> None:
    household, mom = scenario
    admin = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
    entries = _record(admin, household, until_at_least=8)
    seen = {(e["actor"], e["operation"], e["action"], e["allowed"], e["entitled"]) for e in entries}
    assert seen == {  # a mutation's answer is a read of what it returns, audited as one
        ("E-LINCOLN-OFFICE", "createPerson", "read", True, True),
        ("E-LINCOLN-OFFICE", "createHousehold", "change", True, True),  # names its member
        ("E-LINCOLN-OFFICE", "createHousehold", "read", True, True),
        ("E-LINCOLN-OFFICE", "editHousehold", "change", True, True),
        ("E-LINCOLN-OFFICE", "editHousehold", "read", True, True),
        ("E-LINCOLN-OFFICE", "household", "read", True, True),
        ("E-ELM-OFFICE", "household", "read", False, False),
        ("E-DISTRICT", "household", "read", True, True),
    }
    by_actor = {e["actor"]: e for e in entries}
    assert by_actor["E-ELM-OFFICE"]["entitlement"].startswith("outside the Elm Middle grant")
    assert by_actor["E-DISTRICT"]["entitlement"] == "district-wide grant (Enrollment Center)"
    create = next(
        e for e in entries if (e["operation"], e["action"]) == ("createHousehold", "change")
    )
    assert create["subjectIds"] == [raw_id(mom)]

    # The steward may read the record too, page by page, and the pages make up the whole.
    steward = as_staff("steward")
    pages, after = [], None
    while True:
        page = steward.data(LOG, id=household, first=2, after=after)["accessLog"]
        pages += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert [e["entryId"] for e in pages] == [e["entryId"] for e in entries]


def test_the_record_exports_as_csv_that_reads_back_the_same(
    as_staff: Any,
    scenario: tuple[str, str],
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    household, _ = scenario
    admin = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
    shown = _record(admin, household, until_at_least=8)
    monkeypatch.setenv("NEO4J_URI", settings.bolt_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.neo4j_password.get_secret_value())
    monkeypatch.setenv("NEO4J_DATABASE", settings.neo4j_database)
    exported = tmp_path / "record.csv"
    result = CliRunner().invoke(
        access_log, ["--household", raw_id(household), "--csv", str(exported)]
    )
    assert result.exit_code == 0, result.output
    text = exported.read_text(encoding="utf-8")
    read_back = from_csv(text)
    assert to_csv(read_back) == text
    assert [(e.entry_id, e.actor, e.operation, e.allowed, e.entitled) for e in read_back] == [
        (e["entryId"], e["actor"], e["operation"], e["allowed"], e["entitled"]) for e in shown
    ]
    assert [e.at for e in read_back] == [e.at for e in sorted(read_back, key=lambda e: e.at)]
    outside = CliRunner().invoke(
        access_log, ["--household", raw_id(household), "--to", "2026-09-01"]
    )
    assert outside.exit_code == 0, outside.output
    assert outside.output.strip() == "no reads or changes recorded"  # all are on Sep 15


def test_the_record_is_refused_to_a_school_clerk(as_staff: Any, scenario: tuple[str, str]) -> None:
    household, _ = scenario
    body = as_staff("lincoln_office").post(LOG, id=household)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
