from __future__ import annotations

import pytest
from pydantic import SecretStr, ValidationError

from graph_service.settings import Settings


def test_no_neo4j_uri_means_the_managed_local_server() -> None:
    settings = Settings.model_validate({"local_neo4j_port": 7701})
    assert settings.uses_local_neo4j
    assert settings.bolt_uri == "bolt://127.0.0.1:7701"


def test_production_refuses_development_defaults() -> None:
    with pytest.raises(ValidationError) as error:
        Settings.model_validate({"env": "production"})
    message = str(error.value)
    assert "NEO4J_URI" in message
    assert "NEO4J_PASSWORD is the development default" in message
    assert "JWKS" in message


def test_production_accepts_real_settings() -> None:
    settings = Settings.model_validate(
        {
            "env": "production",
            "neo4j_uri": "neo4j+s://db.example.org",
            "neo4j_password": "a-real-secret",
            "jwks_url": "https://login.example.org/jwks.json",
        }
    )
    assert settings.is_production
    assert isinstance(settings.neo4j_password, SecretStr)
    assert "a-real-secret" not in repr(settings)


def test_neo4j_settings_answer_to_conventional_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://db:7687")
    monkeypatch.setenv("NEO4J_DATABASE", "census")
    settings = Settings()
    assert settings.bolt_uri == "bolt://db:7687"
    assert settings.neo4j_database == "census"


PRODUCTION = {
    "env": "production",
    "neo4j_uri": "neo4j+s://db.example.org",
    "neo4j_password": "a-real-secret",
    "jwks_url": "https://login.example.org/jwks.json",
}


def test_production_serves_metrics_only_with_a_scrape_token() -> None:
    assert not Settings.model_validate(PRODUCTION).serves_metrics
    guarded = Settings.model_validate({**PRODUCTION, "metrics_token": "x" * 32})
    assert guarded.serves_metrics
    assert "x" * 32 not in repr(guarded)
    assert Settings.model_validate({"env": "development"}).serves_metrics


def test_a_short_scrape_token_is_refused() -> None:
    with pytest.raises(ValidationError, match="at least 16 characters"):
        Settings.model_validate({"metrics_token": "guessable"})


def test_logs_are_json_in_production_and_text_elsewhere_unless_set() -> None:
    assert Settings.model_validate(PRODUCTION).effective_log_format == "json"
    assert Settings.model_validate({"env": "development"}).effective_log_format == "text"
    text_in_production = Settings.model_validate({**PRODUCTION, "log_format": "text"})
    assert text_in_production.effective_log_format == "text"


def test_the_availability_slack_is_a_test_knob_off_by_default() -> None:
    assert Settings().neo4j_slack_seconds == 0.0  # issue 14's 2 s bound in production
