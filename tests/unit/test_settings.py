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
