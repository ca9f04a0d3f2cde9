"""The grant half of the decision (scope is a graph question, tested on the real DB)."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from graph_service.access.decision import CallerGrant, denial_kind, grant_denial
from graph_service.access.engine import evaluate, final_grant
from graph_service.access.facts import Grant, GrantStatus
from graph_service.access.policy import Right
from tests.unit.access.builders import POLICY, at, central, courses, make_facts


def caller(grant: Grant | None, *, employed: bool = True) -> CallerGrant:
    return CallerGrant(
        employee_id="E100", employed=employed, grant=grant, loaded_at=at("2026-09-02 07:00")
    )


@pytest.fixture
def grant() -> Grant:
    facts = make_facts(completions=courses("2026-09-01 10:00"))
    made = final_grant(facts, evaluate(facts, POLICY, at("2026-09-02 07:00"), activate=True))
    assert made is not None
    return made


def test_allowed_one_second_before_expiry_denied_at_it(grant: Grant) -> None:
    assert grant.expires_at == at("2028-07-01 00:00")
    assert (
        grant_denial(caller(grant), Right.READ, grant.expires_at - timedelta(seconds=1), POLICY)
        is None
    )
    assert grant_denial(caller(grant), Right.READ, grant.expires_at, POLICY) == (
        "the grant expired at 2028-07-01T00:00:00-05:00"
    )


def test_a_denial_speaks_district_time_whatever_zone_the_grant_was_read_in(
    grant: Grant,
) -> None:
    assert grant.expires_at is not None
    from_the_graph = grant.model_copy(update={"expires_at": grant.expires_at.astimezone(UTC)})
    assert grant_denial(caller(from_the_graph), Right.READ, at("2028-07-02 09:00"), POLICY) == (
        "the grant expired at 2028-07-01T00:00:00-05:00"
    )


def test_denied_before_activation(grant: Grant) -> None:
    assert grant_denial(caller(grant), Right.READ, at("2026-09-02 06:59"), POLICY) == (
        "the grant was not yet active at that instant"
    )


@pytest.mark.parametrize(
    ("status", "employed", "reason"),
    [
        (GrantStatus.PENDING, True, "no active household access grant"),
        (GrantStatus.REVOKED, True, "no active household access grant"),
        (GrantStatus.ACTIVE, False, "not an active staff member"),
    ],
)
def test_denied_without_an_active_grant_or_employment(
    grant: Grant, status: GrantStatus, employed: bool, reason: str
) -> None:
    changed = grant.model_copy(update={"status": status})
    assert (
        grant_denial(caller(changed, employed=employed), Right.READ, at("2027-01-01 09:00"), POLICY)
        == reason
    )


def test_read_only_grant_refuses_other_rights() -> None:
    facts = make_facts(
        central("data-stewards"),
        completions=courses("2026-09-01 10:00", ["FERPA-101", "CENSUS-DATA-301"]),
    )
    steward = final_grant(facts, evaluate(facts, POLICY, at("2026-09-02 07:00"), activate=True))
    assert steward is not None
    assert caller(steward).district_wide
    assert grant_denial(caller(steward), Right.READ, at("2027-01-01 09:00"), POLICY) is None
    assert grant_denial(caller(steward), Right.WRITE, at("2027-01-01 09:00"), POLICY) == (
        "the grant does not include the Write right"
    )


def test_school_grant_scope_is_its_school(grant: Grant) -> None:
    assert caller(grant).school_ids == ["lincoln-high"]
    assert caller(None).school_ids == []


def test_narrowing_rights_in_a_new_policy_applies_at_once(grant: Grant) -> None:
    office = POLICY.tracks.office_professional.model_copy(update={"rights": [Right.READ]})
    narrower = POLICY.model_copy(
        update={
            "version": "2026.2",
            "tracks": POLICY.tracks.model_copy(update={"office_professional": office}),
        }
    )
    when = at("2027-01-01 09:00")
    assert grant_denial(caller(grant), Right.WRITE, when, POLICY) is None
    assert grant_denial(caller(grant), Right.WRITE, when, narrower) == (
        "the grant does not include the Write right"
    )


def test_every_denial_reason_has_a_short_name_for_metrics(grant: Grant) -> None:
    assert grant.expires_at is not None
    when = at("2027-01-01 09:00")
    pending = grant.model_copy(update={"status": GrantStatus.PENDING})
    office = POLICY.tracks.office_professional.model_copy(update={"rights": [Right.READ]})
    narrower = POLICY.model_copy(
        update={"tracks": POLICY.tracks.model_copy(update={"office_professional": office})}
    )
    denials = {
        "not_employed": grant_denial(caller(grant, employed=False), Right.READ, when, POLICY),
        "no_active_grant": grant_denial(caller(pending), Right.READ, when, POLICY),
        "grant_not_yet_active": grant_denial(
            caller(grant), Right.READ, at("2026-09-02 06:59"), POLICY
        ),
        "grant_expired": grant_denial(caller(grant), Right.READ, grant.expires_at, POLICY),
        "right_not_granted": grant_denial(caller(grant), Right.WRITE, when, narrower),
    }
    assert {kind: denial_kind(str(reason)) for kind, reason in denials.items()} == {
        kind: kind for kind in denials
    }
    assert denial_kind("object outside the grant's scope") == "out_of_scope"
    assert denial_kind("something new") == "other"
