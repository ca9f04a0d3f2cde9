from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from graph_service.access.policy import SHIPPED_POLICY, InvalidPolicy
from graph_service.access.settings import AccessSettings
from graph_service.clock import FixedClock, SystemClock


def test_defaults_use_the_system_clock_and_shipped_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRAPH_SERVICE_PINNED_CLOCK", raising=False)
    monkeypatch.delenv("GRAPH_SERVICE_ACCESS_POLICY_FILE", raising=False)
    settings = AccessSettings(_env_file=None)
    assert isinstance(settings.clock(), SystemClock)
    assert settings.policy().version == "2026.1"


def test_pinned_clock_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_SERVICE_PINNED_CLOCK", "2027-06-30T23:59:59-05:00")
    clock = AccessSettings(_env_file=None).clock()
    assert isinstance(clock, FixedClock)
    assert clock.now() == datetime.fromisoformat("2027-06-30T23:59:59-05:00")


def test_production_refuses_a_pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_SERVICE_ENV", "production")
    monkeypatch.setenv("GRAPH_SERVICE_PINNED_CLOCK", "2027-06-30T23:59:59-05:00")
    with pytest.raises(ValidationError, match="PINNED_CLOCK is for demos"):
        AccessSettings(_env_file=None)


def test_a_pinned_clock_needs_an_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_SERVICE_PINNED_CLOCK", "2027-06-30T23:59:59")
    with pytest.raises(ValidationError, match="timezone"):
        AccessSettings(_env_file=None)


def test_policy_path_override_is_validated_at_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = json.loads(SHIPPED_POLICY.read_text()) | {"slaBusinessDays": "two"}
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(broken))
    monkeypatch.setenv("GRAPH_SERVICE_ACCESS_POLICY_FILE", str(path))
    with pytest.raises(InvalidPolicy, match=r"slaBusinessDays: Input should be a valid integer"):
        AccessSettings(_env_file=None).policy()
