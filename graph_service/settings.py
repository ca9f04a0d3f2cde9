"""Configuration from the environment (and a `.env` file), validated once at start."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# DEVELOPMENT DEFAULTS ONLY. They let a newcomer run the service with no configuration;
# Settings refuses both when GRAPH_SERVICE_ENV=production.
DEV_NEO4J_PASSWORD = "dev-only-neo4j-password"  # noqa: S105 - marked development default
DEV_JWT_SECRET = "dev-only-jwt-secret-change-me-in-production"  # noqa: S105 - marked development default

Environment = Literal["development", "test", "production"]


def _xdg(var: str, fallback: str) -> Path:
    return Path(os.environ.get(var) or Path.home() / fallback)


def default_state_dir() -> Path:
    """Where the managed local Neo4j keeps its data and logs (outside the work tree)."""
    return _xdg("XDG_DATA_HOME", ".local/share") / "graph-service"


def default_cache_dir() -> Path:
    """Where Maven copies the Neo4j jars; shared by every checkout on the machine."""
    return _xdg("XDG_CACHE_HOME", ".cache") / "graph-service"


class Settings(BaseSettings):
    """Every knob of the service. Environment variables use the `GRAPH_SERVICE_` prefix,
    except the Neo4j connection, which also answers to the conventional `NEO4J_*` names."""

    model_config = SettingsConfigDict(
        env_prefix="GRAPH_SERVICE_",
        env_file=".env",
        extra="ignore",
        frozen=True,
        populate_by_name=True,
    )

    env: Environment = "development"

    neo4j_uri: str | None = Field(
        default=None, validation_alias=AliasChoices("NEO4J_URI", "GRAPH_SERVICE_NEO4J_URI")
    )
    neo4j_user: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_USER", "GRAPH_SERVICE_NEO4J_USER")
    )
    neo4j_password: SecretStr = Field(
        default=SecretStr(DEV_NEO4J_PASSWORD),
        validation_alias=AliasChoices("NEO4J_PASSWORD", "GRAPH_SERVICE_NEO4J_PASSWORD"),
    )
    neo4j_database: str = Field(
        default="neo4j",
        validation_alias=AliasChoices("NEO4J_DATABASE", "GRAPH_SERVICE_NEO4J_DATABASE"),
    )

    # Seconds more that the availability monitor lets a slow Neo4j take (a ping, a request
    # waiting on a silent database) before refusing requests as SERVICE_UNAVAILABLE
    # (db/availability.py). A test knob: the suite's service sets it on a loaded machine;
    # keep 0 in production, where an outage must be told within 2 s.
    neo4j_slack_seconds: float = Field(default=0.0, ge=0, le=60)

    # The managed local Neo4j, used when no NEO4J_URI is configured.
    local_neo4j_home: Path = Field(default_factory=lambda: default_state_dir() / "neo4j")
    local_neo4j_port: int = Field(default=7687, ge=1024, le=65535)
    local_neo4j_heap: str = Field(default="512m", pattern=r"^\d+[kmg]$")
    local_neo4j_pagecache: str = Field(default="256m", pattern=r"^\d+[kmg]$")
    local_neo4j_start_timeout: float = Field(default=180.0, gt=0)
    jar_cache_dir: Path = Field(default_factory=lambda: default_cache_dir() / "jars")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # The largest /graphql request body, refused (413) before it is read whole or parsed.
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    # The longest a large document or body may take to be parsed and checked (in the
    # heavy-work process); a longer check is refused and its worker process replaced.
    max_check_seconds: float = Field(default=3.0, gt=0, le=60)

    # The longest one read (a page, a search, a view) may run in Neo4j before the database
    # stops it and the caller is told to ask for less (db/read_limit.py; its planning is
    # not counted).
    read_timeout_seconds: float = Field(default=5.0, gt=0, le=300)

    jwt_secret: SecretStr = SecretStr(DEV_JWT_SECRET)
    jwks_url: str | None = None
    # A key endpoint that does not answer within this many seconds fails the request that
    # needed the key (UNAUTHENTICATED); it never holds other requests (fetched off the loop).
    jwks_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    jwt_issuer: str = "graph-service"
    jwt_audience: str = "household-graph"

    # A manifest of the operations clients registered (graphql/trusted_documents.py): when
    # set, production runs only those, except for callers with the ad-hoc-queries role.
    trusted_documents: Path | None = None

    # Log lines as JSON objects (one per line) or plain text; unset: JSON in production,
    # text elsewhere (docs/operations.md).
    log_format: Literal["json", "text"] | None = None
    # The bearer token Prometheus sends to scrape /metrics. Production serves /metrics only
    # when it is set; development and tests serve it openly unless it is set.
    metrics_token: SecretStr | None = None

    @property
    def uses_local_neo4j(self) -> bool:
        """True when the service runs against the managed local server."""
        return self.neo4j_uri is None

    @property
    def bolt_uri(self) -> str:
        """The Bolt address to connect to: the configured one or the managed server's."""
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.local_neo4j_port}"

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def effective_log_format(self) -> Literal["json", "text"]:
        """The configured log format, or the environment's default."""
        return self.log_format or ("json" if self.is_production else "text")

    @property
    def serves_metrics(self) -> bool:
        """True when /metrics is served: always with a scrape token, else outside production."""
        return self.metrics_token is not None or not self.is_production

    @model_validator(mode="after")
    def _refuse_a_guessable_metrics_token(self) -> Settings:
        if self.metrics_token is not None and len(self.metrics_token.get_secret_value()) < 16:
            raise ValueError(
                "GRAPH_SERVICE_METRICS_TOKEN must be at least 16 characters (a random string)"
            )
        return self

    @model_validator(mode="after")
    def _refuse_development_defaults_in_production(self) -> Settings:
        if not self.is_production:
            return self
        problems = []
        if self.neo4j_uri is None:
            problems.append("NEO4J_URI must name the production database")
        if self.neo4j_password.get_secret_value() == DEV_NEO4J_PASSWORD:
            problems.append("NEO4J_PASSWORD is the development default")
        if self.jwks_url is None:
            problems.append(
                "GRAPH_SERVICE_JWKS_URL must be set: production verifies tokens against a JWKS "
                "(the development JWT secret is refused)"
            )
        if problems:
            raise ValueError("production settings refused: " + "; ".join(problems))
        return self
