"""`policy check`: the policy and the reference data must name the same roles, teams and
schools, and agree on which teams have household access; anything without a policy entry
gets no rights, and the service refuses to start on a disagreement."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from graph_service.access.engine import evaluate, final_grant
from graph_service.access.facts import GrantStatus
from graph_service.access.policy import SHIPPED_POLICY, InvalidPolicy, TrackId, parse_policy
from graph_service.access.policy_check import PolicyDisagreement, disagreements
from graph_service.access.policy_cli import SCHEMA_DIR, schema_texts
from graph_service.access.settings import AccessSettings
from graph_service.cli import main
from graph_service.db.staff import ReferenceData
from graph_service.testing.world import REFERENCE
from tests.unit.access.builders import at, central, courses, make_facts

Json = dict[str, Any]


def shipped() -> Json:
    data: Json = json.loads(SHIPPED_POLICY.read_text())
    return data


def agreeing_pair() -> tuple[Json, Json]:
    """The shipped policy, narrowed to name exactly the API world's reference data."""
    policy = shipped()
    tracks = policy["tracks"]
    tracks["officeProfessional"]["roles"] = ["office-pro"]
    tracks["schoolBased"]["roles"] = ["teacher", "principal"]
    tracks["schoolBased"]["approval"]["principalRoleIds"] = ["principal"]
    del tracks["centralOffice"]["teams"]["transportation"]
    policy["schools"] = ["lincoln", "elm"]
    return policy, REFERENCE.model_dump(by_alias=True, mode="json")


def typo_in_team(policy: Json, reference: Json) -> None:
    teams = policy["tracks"]["centralOffice"]["teams"]
    teams["enrolment"] = teams.pop("enrollment")


def role_without_policy(policy: Json, reference: Json) -> None:
    reference["roles"].append({"id": "custodian", "name": "Custodian", "category": "school-based"})


def school_unknown_to_policy(policy: Json, reference: Json) -> None:
    reference["schools"].append({"id": "oak", "name": "Oak Elementary"})


def rights_without_approval(policy: Json, reference: Json) -> None:
    policy["tracks"]["centralOffice"]["teams"]["payroll"] = {}


PLANTED: list[tuple[Callable[[Json, Json], None], list[str]]] = [
    (
        typo_in_team,
        [
            'tracks.centralOffice.teams: team "enrolment" is not in the reference data',
            'team "enrollment" (Enrollment Center) has no entry in tracks.centralOffice.teams',
        ],
    ),
    (
        role_without_policy,
        ['role "custodian" (Custodian) has no entry in the policy'],
    ),
    (
        school_unknown_to_policy,
        ['school "oak" (Oak Elementary) is unknown to the policy (schools)'],
    ),
    (
        rights_without_approval,
        ['team "payroll" is not approvedForHouseholdAccess in the reference data but the '
         "policy gives it rights RWAD"],
    ),
]  # fmt: skip


def test_the_agreeing_pair_agrees() -> None:
    policy, reference = agreeing_pair()
    assert disagreements(parse_policy(json.dumps(policy)), ReferenceData(**reference)) == []


@pytest.mark.parametrize(
    ("plant", "expected"), PLANTED, ids=[plant.__name__ for plant, _ in PLANTED]
)
def test_policy_check_names_each_planted_disagreement(
    plant: Callable[[Json, Json], None], expected: list[str], tmp_path: Path
) -> None:
    policy, reference = agreeing_pair()
    plant(policy, reference)
    policy_file, reference_file = write_pair(tmp_path, policy, reference)
    result = CliRunner().invoke(main, ["policy", "check", str(policy_file), str(reference_file)])
    assert result.exit_code == 1
    problems = [
        line.removeprefix("  - ") for line in result.output.splitlines() if line.startswith("  - ")
    ]
    assert len(problems) == len(expected), result.output
    for problem, words in zip(problems, expected, strict=True):
        assert problem.startswith(words), result.output


@pytest.mark.parametrize(
    ("plant", "expected"), PLANTED, ids=[plant.__name__ for plant, _ in PLANTED]
)
def test_the_service_refuses_to_start_on_each_disagreement(
    plant: Callable[[Json, Json], None],
    expected: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policy, reference = agreeing_pair()
    plant(policy, reference)
    policy_file, reference_file = write_pair(tmp_path, policy, reference)
    monkeypatch.setenv("GRAPH_SERVICE_ACCESS_POLICY_FILE", str(policy_file))
    monkeypatch.setenv("GRAPH_SERVICE_ACCESS_REFERENCE_FILE", str(reference_file))
    with pytest.raises(PolicyDisagreement, match=re.escape(expected[0])):
        AccessSettings(_env_file=None).policy()
    # `serve` stops before it starts anything (no database, no port), with the message.
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 1
    assert "disagrees with the reference data" in result.output
    assert expected[0] in result.output


def test_the_service_starts_when_policy_and_reference_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy_file, reference_file = write_pair(tmp_path, *agreeing_pair())
    monkeypatch.setenv("GRAPH_SERVICE_ACCESS_POLICY_FILE", str(policy_file))
    monkeypatch.setenv("GRAPH_SERVICE_ACCESS_REFERENCE_FILE", str(reference_file))
    assert AccessSettings(_env_file=None).policy().schools == ["lincoln", "elm"]
    # Without REFERENCE, `policy check` takes the configured reference file.
    result = CliRunner().invoke(main, ["policy", "check", str(policy_file)])
    assert result.exit_code == 0, result.output
    assert f"in agreement with {reference_file}" in result.output


def test_a_team_without_a_policy_entry_gets_no_rights() -> None:
    policy = shipped()
    typo_in_team(policy, {})
    typoed = parse_policy(json.dumps(policy))
    assert typoed.rights(TrackId.CENTRAL_OFFICE, "enrollment") == []
    facts = make_facts(central("enrollment"), completions=courses("2026-09-01 10:00"))
    transitions = evaluate(facts, typoed, at("2026-09-02 08:00"), activate=True)
    assert final_grant(facts, transitions) is None


def test_a_grant_whose_team_loses_its_policy_entry_is_revoked() -> None:
    facts = make_facts(central("enrollment"), completions=courses("2026-09-01 10:00"))
    shipped_policy = parse_policy(SHIPPED_POLICY.read_text())
    grant = final_grant(
        facts, evaluate(facts, shipped_policy, at("2026-09-02 08:00"), activate=True)
    )
    assert grant is not None
    assert grant.status is GrantStatus.ACTIVE
    policy = shipped()
    typo_in_team(policy, {})
    later = facts.model_copy(update={"grant": grant})
    revoked = final_grant(
        later,
        evaluate(later, parse_policy(json.dumps(policy)), at("2026-09-03 08:00"), activate=True),
    )
    assert revoked is not None
    assert revoked.status is GrantStatus.REVOKED
    assert revoked.end_reason == ("revoked: the access policy has no entry for team Enrollment")


def test_closures_accept_ranges_as_well_as_days() -> None:
    policy = shipped() | {
        "closures": [
            {"from": "2026-12-21", "to": "2027-01-01", "name": "Winter break"},
            {"date": "2027-01-18", "name": "Martin Luther King Jr. Day"},
        ]
    }
    calendar = parse_policy(json.dumps(policy)).calendar
    closed = sorted(calendar.closures)
    assert len(closed) == 13
    assert closed[0].isoformat() == "2026-12-21"
    assert closed[-2].isoformat() == "2027-01-01"


@pytest.mark.parametrize(
    ("closure", "message"),
    [
        ({"name": "Nothing"}, 'give either "date" or both "from" and "to"'),
        ({"from": "2027-01-02", "to": "2027-01-01", "name": "Back"}, '"to" must be on or after'),
        (
            {"date": "2027-01-02", "from": "2027-01-02", "to": "2027-01-03", "name": "Both"},
            "not both",
        ),
    ],
)
def test_a_closure_needs_a_day_or_a_range(closure: Json, message: str) -> None:
    with pytest.raises(InvalidPolicy, match=message):
        parse_policy(json.dumps(shipped() | {"closures": [closure]}))


def test_the_committed_schemas_match_the_models() -> None:
    for name, text in schema_texts().items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"docs/schemas/{name} is stale: run `make schemas`"


def write_pair(tmp_path: Path, policy: Json, reference: Json) -> tuple[Path, Path]:
    policy_file, reference_file = tmp_path / "policy.json", tmp_path / "reference.json"
    policy_file.write_text(json.dumps(policy))
    reference_file.write_text(json.dumps(reference))
    return policy_file, reference_file
