from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph_service.access.policy import (
    SHIPPED_POLICY,
    InvalidPolicy,
    Right,
    TrackId,
    load_policy,
    parse_policy,
)


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED_POLICY.read_text())
    return data


def test_shipped_policy_loads_with_its_version() -> None:
    policy = load_policy()
    assert policy.version == "2026.1"
    assert policy.sla_business_days == 2
    assert policy.validity_school_years == 2
    assert str(policy.zone) == "America/Chicago"


def test_data_steward_team_is_read_only() -> None:
    policy = load_policy()
    assert policy.rights(TrackId.CENTRAL_OFFICE, "data-stewards") == [Right.READ]
    assert policy.rights(TrackId.CENTRAL_OFFICE, "enrollment") == list(Right)
    steward_courses = [
        c.id for c in policy.required_courses(TrackId.CENTRAL_OFFICE, "data-stewards")
    ]
    assert steward_courses == ["FERPA-101", "CENSUS-DATA-301"]


def test_only_other_school_based_roles_need_approval() -> None:
    policy = load_policy()
    assert policy.tracks.office_professional.approval is None
    assert policy.tracks.school_based.approval is not None
    assert policy.tracks.central_office.approval is None


def test_a_path_overrides_the_shipped_policy(tmp_path: Path) -> None:
    data = shipped() | {"version": "2027.0-test"}
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(data))
    assert load_policy(path).version == "2027.0-test"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"timeZone": "Mars/Olympus"}, r'timeZone: Value error, "Mars/Olympus" is not an IANA'),
        ({"slaBusinessDays": -1}, r"slaBusinessDays: Input should be greater than or equal to 0"),
        ({"version": ""}, r"version: String should have at least 1 character"),
        ({"support": {"name": "x", "email": "nope"}}, r"support\.email: String should match"),
        ({"schoolYearStarts": {"month": 2, "day": 30}}, r"schoolYearStarts: Value error, 2/30"),
        ({"surprise": 1}, r"surprise: Extra inputs are not permitted"),
    ],
)
def test_invalid_policy_is_refused_naming_the_field(change: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidPolicy, match=message):
        parse_policy(json.dumps(shipped() | change), source="test.json")


def test_a_track_naming_an_unknown_course_is_refused() -> None:
    data = shipped()
    data["tracks"]["schoolBased"]["courses"].append("NOPE-1")
    with pytest.raises(InvalidPolicy, match=r'tracks\.schoolBased\.courses: course "NOPE-1"'):
        parse_policy(json.dumps(data))


def test_unknown_approver_role_is_refused() -> None:
    data = shipped()
    data["tracks"]["schoolBased"]["approval"]["givenBy"] = ["janitor"]
    with pytest.raises(InvalidPolicy, match=r"tracks\.schoolBased\.approval\.givenBy\.0"):
        parse_policy(json.dumps(data))


def test_unreadable_and_malformed_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidPolicy, match="cannot be read"):
        load_policy(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": ')
    with pytest.raises(InvalidPolicy, match="not JSON at line 1"):
        load_policy(broken)
