"""Settings of the access package, kept beside it (the service's Settings are the lead's):
where the policy file is, whether the clock is pinned, and how often provisioning runs."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AwareDatetime, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph_service.access.policy import Policy, load_policy
from graph_service.access.policy_check import check_agreement, load_reference
from graph_service.clock import Clock, FixedClock, SystemClock


class AccessSettings(BaseSettings):
    """From the environment: GRAPH_SERVICE_ACCESS_POLICY_FILE,
    GRAPH_SERVICE_ACCESS_REFERENCE_FILE, GRAPH_SERVICE_PINNED_CLOCK
    (an ISO instant with its offset), GRAPH_SERVICE_PROVISION_INTERVAL_SECONDS and
    GRAPH_SERVICE_QUIZ_DUE_WITHIN_DAYS."""

    model_config = SettingsConfigDict(
        env_prefix="GRAPH_SERVICE_", env_file=".env", extra="ignore", frozen=True
    )

    env: Literal["development", "test", "production"] = "development"
    access_policy_file: Path | None = None
    # The reference data (roles, schools, teams) the policy must agree with: when set, a
    # disagreement stops the service (and every access command) at start.
    access_reference_file: Path | None = None
    pinned_clock: AwareDatetime | None = None
    provision_interval_seconds: float = Field(default=900.0, gt=0)
    quiz_due_within_days: int = Field(default=30, ge=0, le=366)

    @model_validator(mode="after")
    def _no_pinned_clock_in_production(self) -> AccessSettings:
        if self.env == "production" and self.pinned_clock is not None:
            raise ValueError(
                "production settings refused: GRAPH_SERVICE_PINNED_CLOCK is for demos and "
                "acceptance runs only; unset it"
            )
        return self

    def clock(self) -> Clock:
        """The pinned clock when one is configured, else the system clock."""
        return FixedClock(self.pinned_clock) if self.pinned_clock else SystemClock()

    def policy(self) -> Policy:
        """The configured policy file, or the shipped one, checked against the reference
        data file when one is configured (raises InvalidPolicy or PolicyDisagreement)."""
        policy = load_policy(self.access_policy_file)
        if self.access_reference_file is not None:
            reference = load_reference(self.access_reference_file)
            source = str(self.access_policy_file or "(shipped)")
            check_agreement(policy, reference, source=source)
        return policy
