"""The status answer: the right facts in the right words, for each way a person can stand."""

from __future__ import annotations

from graph_service.access.engine import evaluate, final_grant
from graph_service.access.facts import Grant, StaffFacts
from graph_service.access.status import build_status
from graph_service.access.status_text import render_status
from tests.unit.access.builders import POLICY, at, courses, make_facts, quiz, teacher


def active(facts: StaffFacts, when: str = "2026-09-02 07:00") -> Grant:
    grant = final_grant(facts, evaluate(facts, POLICY, at(when), activate=True))
    assert grant is not None
    return grant


def test_active_status_lists_rights_scope_and_dates() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00"))
    facts = facts.model_copy(update={"grant": active(facts)})
    status = build_status(facts, POLICY, at("2027-01-12 10:00"))
    assert status.status == "active"
    assert str(status.valid_through) == "2028-06-30"
    assert (str(status.quiz_window_opens), str(status.quiz_due)) == ("2028-04-01", "2028-06-30")
    text = render_status(status)
    assert "Status:    ACTIVE" in text
    assert "Rights:    Read, Write, Add, Delete" in text
    assert "households with a member currently enrolled at Lincoln High" in text
    assert "Access ends           Sat Jul 1, 2028 00:00 CDT" in text
    assert "The recertification quiz (CENSUS-RECERT-QUIZ) opens on April 1, 2028" in text
    assert "helpdesk@example-district.org" in text


def test_quiz_window_open_puts_the_quiz_on_the_checklist() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00"))
    facts = facts.model_copy(update={"grant": active(facts)})
    status = build_status(facts, POLICY, at("2028-05-02 10:00"))
    assert [i.key for i in status.checklist if not i.met] == ["quiz"]
    assert (
        "Complete the recertification quiz (CENSUS-RECERT-QUIZ) by June 30, 2028"
        in render_status(status)
    )


def test_renewed_status_shows_the_quiz_and_the_new_end() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00"), quizzes=[quiz("2028-04-03 09:00")])
    facts = facts.model_copy(update={"grant": active(facts)})
    renewed = active(facts, "2028-04-03 09:05")
    status = build_status(
        facts.model_copy(update={"grant": renewed}), POLICY, at("2028-04-04 09:00")
    )
    assert str(status.valid_through) == "2030-06-30"
    assert str(status.quiz_completed_on) == "2028-04-03"


def test_expired_status_says_why_and_that_old_courses_must_be_retaken() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00"))
    facts = facts.model_copy(update={"grant": active(facts)})
    status = build_status(facts, POLICY, at("2028-07-01 00:00"))
    assert status.status == "expired"
    assert str(status.lost_on) == "2028-07-01"
    assert status.rights == []
    text = render_status(status)
    assert "Why:       Valid through 2028-06-30 and the recertification quiz was not" in text
    assert "Complete the eLearning course FERPA-101: FERPA and student privacy." in text
    assert "no longer counts: completed before access was lost" in text
    assert status.next_steps[-1].endswith("the eLearning courses must be completed again.")


def test_pending_status_promises_a_date() -> None:
    facts = make_facts(completions=courses("2026-09-04 16:00"))  # Friday before Labor Day
    pending = final_grant(facts, evaluate(facts, POLICY, at("2026-09-04 16:05"), activate=False))
    status = build_status(
        facts.model_copy(update={"grant": pending}), POLICY, at("2026-09-05 10:00")
    )
    assert status.status == "pending"
    assert str(status.active_by) == "2026-09-09"
    assert "active by Wednesday, September 9, 2026 at the latest" in status.next_steps[0]
    assert "PENDING" in render_status(status)


def test_no_access_lists_each_missing_step() -> None:
    status = build_status(
        make_facts(teacher(), completions=courses("2026-09-01 10:00", ["FERPA-101"])),
        POLICY,
        at("2026-09-02 10:00"),
    )
    assert status.status == "none"
    assert status.next_steps == [
        "Complete the eLearning course CENSUS-HH-201: Census: the Household tool.",
        "Complete the eLearning course CENSUS-REL-202: Census: relationships and guardians.",
        "Ask your principal or an access administrator to record your approval for Lincoln High.",
    ]


def test_pending_past_its_day_says_it_is_overdue() -> None:
    facts = make_facts(completions=courses("2026-09-04 16:00"))
    pending = final_grant(facts, evaluate(facts, POLICY, at("2026-09-04 16:05"), activate=False))
    status = build_status(
        facts.model_copy(update={"grant": pending}), POLICY, at("2026-09-10 08:00")
    )
    assert status.next_steps[0].startswith("Your access is overdue: it was due by Wednesday")


def test_after_a_rehire_the_headline_says_the_current_state() -> None:
    facts = make_facts(completions=courses("2026-09-01 10:00"))
    granted = active(facts)
    left = make_facts(departed=True, grant=granted)
    revoked = final_grant(left, evaluate(left, POLICY, at("2027-02-01 17:00"), activate=True))
    assert revoked is not None
    gone = render_status(
        build_status(left.model_copy(update={"grant": revoked}), POLICY, at("2027-02-02 09:00"))
    )
    assert "Status:    REVOKED: your household access has ended." in gone
    assert "Why:       Left district employment." in gone
    rehired = make_facts(grant=revoked, reset_at="2027-02-01 17:00")
    text = render_status(build_status(rehired, POLICY, at("2027-03-01 09:00")))
    assert "Status:    NO ACCESS: you have not been granted household access since you " in text
    assert "REVOKED" not in text
    assert "Earlier:   access ended on Mon Feb 1, 2027, when you left the district" in text
    assert "As of Mon Mar 1, 2027 09:00 CST (UTC-06:00)" in text
