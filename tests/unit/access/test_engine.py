"""The engine's rules, one behaviour per test, on facts built in memory."""

from __future__ import annotations

from datetime import date

from graph_service.access.engine import evaluate, final_grant
from graph_service.access.facts import Grant, GrantStatus, StaffFacts
from graph_service.access.policy import Right, TrackId
from tests.unit.access.builders import (
    POLICY,
    approval,
    at,
    central,
    courses,
    make_facts,
    office_professional,
    quiz,
    teacher,
)


def run(facts: StaffFacts, when: str, *, activate: bool = True) -> Grant | None:
    return final_grant(facts, evaluate(facts, POLICY, at(when), activate=activate))


def active_grant(
    granted: str = "2026-09-01 08:00", assignment_facts: StaffFacts | None = None
) -> Grant:
    facts = assignment_facts or make_facts(completions=courses("2026-08-31 10:00"))
    grant = run(facts, granted)
    assert grant is not None
    assert grant.status is GrantStatus.ACTIVE
    return grant


def test_office_professional_with_all_courses_is_pending_until_provisioning() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00"))
    grant = run(facts, "2026-09-01 10:05", activate=False)
    assert grant is not None
    assert grant.status is GrantStatus.PENDING
    assert grant.track is TrackId.OFFICE_PROFESSIONAL
    assert grant.active_by == date(2026, 9, 3)
    assert grant.rights == list(Right)


def test_missing_course_means_no_grant() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00", ["FERPA-101", "CENSUS-HH-201"]))
    assert run(facts, "2026-09-02 08:00") is None


def test_provisioning_activates_with_validity_to_end_of_next_school_year() -> None:
    grant = active_grant("2026-09-01 08:00")
    assert grant.valid_through == date(2028, 6, 30)
    assert grant.expires_at == at("2028-07-01 00:00")
    assert grant.policy_version == POLICY.version


def test_teacher_needs_an_approval_for_their_school() -> None:
    done = courses("2026-09-01 10:00")
    assert run(make_facts(teacher(), completions=done), "2026-09-02 08:00") is None
    wrong_school = make_facts(
        teacher(), completions=done, approvals=[approval("2026-09-01 11:00", "elm")]
    )
    assert run(wrong_school, "2026-09-02 08:00") is None
    approved = make_facts(teacher(), completions=done, approvals=[approval("2026-09-01 11:00")])
    grant = run(approved, "2026-09-02 08:00")
    assert grant is not None
    assert grant.track is TrackId.SCHOOL_BASED
    assert grant.rights == [Right.READ, Right.WRITE, Right.ADD]


def test_withdrawn_approval_revokes_a_school_based_grant() -> None:
    done = courses("2026-09-01 10:00")
    grant = run(
        make_facts(teacher(), completions=done, approvals=[approval("2026-09-01 11:00")]),
        "2026-09-02 08:00",
    )
    withdrawn = make_facts(
        teacher(),
        completions=done,
        approvals=[approval("2026-09-01 11:00", withdrawn="2026-10-01 09:00")],
        grant=grant,
    )
    after = run(withdrawn, "2026-10-01 09:00")
    assert after is not None
    assert after.status is GrantStatus.REVOKED
    assert after.end_reason == "revoked: approval for Lincoln High was withdrawn"


def test_central_office_needs_an_approved_team() -> None:
    done = courses("2026-09-01 10:00")
    assert run(make_facts(central(approved=False), completions=done), "2026-09-02 08:00") is None
    grant = run(make_facts(central(), completions=done), "2026-09-02 08:00")
    assert grant is not None
    assert grant.track is TrackId.CENTRAL_OFFICE


def test_data_stewards_get_read_only_after_their_own_courses() -> None:
    stewards = central("data-stewards")
    office_courses = courses("2026-09-01 10:00")
    assert run(make_facts(stewards, completions=office_courses), "2026-09-02 08:00") is None
    own = courses("2026-09-01 10:00", ["FERPA-101", "CENSUS-DATA-301"])
    grant = run(make_facts(stewards, completions=own), "2026-09-02 08:00")
    assert grant is not None
    assert grant.rights == [Right.READ]


def test_quiz_in_window_renews_for_two_more_school_years() -> None:
    grant = active_grant()
    facts = make_facts(
        completions=courses("2026-08-31 10:00"), quizzes=[quiz("2028-04-01 09:00")], grant=grant
    )
    renewed = run(facts, "2028-04-01 09:01")
    assert renewed is not None
    assert renewed.status is GrantStatus.ACTIVE
    assert renewed.valid_through == date(2030, 6, 30)
    assert renewed.expires_at == at("2030-07-01 00:00")
    # Evaluating again changes nothing: the quiz belongs to the old window.
    again = make_facts(
        completions=courses("2026-08-31 10:00"), quizzes=[quiz("2028-04-01 09:00")], grant=renewed
    )
    assert evaluate(again, POLICY, at("2028-04-02 09:00"), activate=True) == []


def test_quiz_a_day_before_the_window_opens_does_not_renew() -> None:
    grant = active_grant()
    facts = make_facts(
        completions=courses("2026-08-31 10:00"), quizzes=[quiz("2028-03-31 23:59")], grant=grant
    )
    assert run(facts, "2028-04-01 09:00") == grant
    expired = run(facts, "2028-07-01 00:00")
    assert expired is not None
    assert expired.status is GrantStatus.EXPIRED
    assert expired.ended_at == at("2028-07-01 00:00")


def test_grant_is_still_active_one_second_before_expiry() -> None:
    grant = active_grant()
    facts = make_facts(completions=courses("2026-08-31 10:00"), grant=grant)
    assert evaluate(facts, POLICY, at("2028-06-30 23:59:59"), activate=True) == []


def test_quiz_on_june_30_renews_but_july_1_is_too_late() -> None:
    grant = active_grant()
    on_time = make_facts(
        completions=courses("2026-08-31 10:00"), quizzes=[quiz("2028-06-30 23:00")], grant=grant
    )
    renewed = run(on_time, "2028-07-01 00:00")
    assert renewed is not None
    assert renewed.status is GrantStatus.ACTIVE
    late = make_facts(
        completions=courses("2026-08-31 10:00"), quizzes=[quiz("2028-07-01 08:00")], grant=grant
    )
    lapsed = run(late, "2028-07-01 08:01")
    assert lapsed is not None
    assert lapsed.status is GrantStatus.EXPIRED


def test_after_expiry_old_completions_are_stale_and_new_ones_regain() -> None:
    grant = active_grant()
    stale = make_facts(completions=courses("2026-08-31 10:00"), grant=grant)
    transitions = evaluate(stale, POLICY, at("2028-07-02 09:00"), activate=True)
    assert [t.to_status for t in transitions] == [GrantStatus.EXPIRED]
    expired = transitions[-1].grant
    lost = make_facts(
        completions=courses("2026-08-31 10:00"), grant=expired, reset_at="2028-07-01 00:00"
    )
    assert run(lost, "2028-07-03 09:00") == expired
    fresh = courses("2026-08-31 10:00") + courses("2028-07-05 10:00")
    regained = run(
        make_facts(completions=fresh, grant=expired, reset_at="2028-07-01 00:00"),
        "2028-07-06 09:00",
    )
    assert regained is not None
    assert regained.status is GrantStatus.ACTIVE
    assert regained.id != expired.id


def test_moving_school_revokes_at_once_and_regrants_when_new_role_qualifies() -> None:
    grant = active_grant()
    moved = make_facts(
        office_professional("elm-middle"), completions=courses("2026-08-31 10:00"), grant=grant
    )
    transitions = evaluate(moved, POLICY, at("2027-01-11 10:00"), activate=False)
    assert [(t.from_status, t.to_status) for t in transitions] == [
        (GrantStatus.ACTIVE, GrantStatus.REVOKED),
        (None, GrantStatus.PENDING),
    ]
    assert transitions[0].reason == "revoked: location changed to Elm Middle"
    assert transitions[1].grant.location_id == "elm-middle"


def test_office_professional_becoming_teacher_loses_access_until_approved() -> None:
    grant = active_grant()
    facts = make_facts(teacher(), completions=courses("2026-08-31 10:00"), grant=grant)
    transitions = evaluate(facts, POLICY, at("2027-01-11 10:00"), activate=True)
    assert [t.to_status for t in transitions] == [GrantStatus.REVOKED]
    assert transitions[0].reason == "revoked: job role changed to Teacher"


def test_departure_revokes_and_resets_requirements() -> None:
    grant = active_grant()
    gone = make_facts(
        completions=courses("2026-08-31 10:00"),
        grant=grant,
        departed=True,
        reset_at="2027-02-01 17:00",
    )
    after = run(gone, "2027-02-01 17:05")
    assert after is not None
    assert after.status is GrantStatus.REVOKED
    assert after.end_reason == "revoked: left district employment"
    rehired = make_facts(
        completions=courses("2026-08-31 10:00"), grant=after, reset_at="2027-02-01 17:00"
    )
    assert run(rehired, "2027-08-01 09:00") == after


def test_a_run_as_of_an_earlier_instant_does_not_activate() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00"))
    pending = run(facts, "2026-09-01 10:05", activate=False)
    earlier = make_facts(completions=courses("2026-09-01 10:00"), grant=pending)
    assert evaluate(earlier, POLICY, at("2026-09-01 00:00"), activate=True) == []


def test_a_timely_quiz_reported_after_expiry_reinstates_within_the_grace() -> None:
    grant = active_grant()
    lapsed = run(
        make_facts(completions=courses("2026-08-31 10:00"), grant=grant), "2028-07-01 00:00"
    )
    assert lapsed is not None
    assert lapsed.status is GrantStatus.EXPIRED
    late = make_facts(
        completions=courses("2026-08-31 10:00"),
        quizzes=[quiz("2028-06-30 23:50")],
        grant=lapsed,
        reset_at="2028-07-01 00:00",
    )
    transitions = evaluate(late, POLICY, at("2028-07-01 08:00"), activate=True)
    assert [(t.from_status, t.to_status) for t in transitions] == [
        (GrantStatus.EXPIRED, GrantStatus.ACTIVE),
        (GrantStatus.ACTIVE, GrantStatus.ACTIVE),
    ]
    assert transitions[0].reason.startswith(
        "reinstated: recertification quiz completed on 2028-06-30"
    )
    assert (transitions[0].sets_reset, transitions[0].reset_at) == (True, None)
    assert transitions[-1].grant.valid_through == date(2030, 6, 30)
    too_late = evaluate(late, POLICY, at("2028-07-15 00:00"), activate=True)
    assert too_late == []


def test_activation_takes_the_rights_and_version_of_the_policy_in_force() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00"))
    pending = run(facts, "2026-09-01 10:05", activate=False)
    assert pending is not None
    narrower = POLICY.model_copy(
        update={
            "version": "2026.2",
            "tracks": POLICY.tracks.model_copy(
                update={
                    "office_professional": POLICY.tracks.office_professional.model_copy(
                        update={"rights": [Right.READ, Right.WRITE]}
                    )
                }
            ),
        }
    )
    later = make_facts(completions=courses("2026-09-01 10:00"), grant=pending)
    active = final_grant(later, evaluate(later, narrower, at("2026-09-02 07:00"), activate=True))
    assert active is not None
    assert (active.rights, active.policy_version) == ([Right.READ, Right.WRITE], "2026.2")
