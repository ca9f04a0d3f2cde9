"""Random histories of events and sweeps: the engine's invariants hold after every step."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from graph_service.access.engine import evaluate, final_grant
from graph_service.access.facts import (
    ApprovalRecord,
    Assignment,
    Completion,
    EmploymentStatus,
    GrantStatus,
    StaffFacts,
    Transition,
)
from graph_service.access.requirements import checklist, requirements_met
from tests.unit.access.builders import (
    OFFICE_COURSES,
    POLICY,
    at,
    central,
    make_facts,
    office_professional,
    teacher,
)

ASSIGNMENTS: dict[str, Assignment] = {
    "office-pro@lincoln": office_professional("lincoln-high"),
    "office-pro@elm": office_professional("elm-middle"),
    "teacher@lincoln": teacher("lincoln-high"),
    "analyst@enrollment": central("enrollment"),
    "analyst@payroll": central("payroll", approved=False),
    "analyst@stewards": central("data-stewards"),
}
KINDS = [
    "courses",
    "steward-courses",
    "quiz",
    "late-quiz",
    "approve",
    "withdraw",
    "depart",
    "rehire",
    "sweep",
    "sweep",
    *(f"move:{name}" for name in ASSIGNMENTS),
]
START = at("2026-08-03 09:00")


def apply(facts: StaffFacts, kind: str, now: datetime) -> StaffFacts:
    """The fact change an event makes (what the graph layer writes), in memory."""
    update: dict[str, object] = {}
    if kind == "courses":
        update["completions"] = [
            *facts.completions,
            *(Completion(course_id=c, completed_at=now) for c in OFFICE_COURSES),
        ]
    elif kind == "steward-courses":
        update["completions"] = [
            *facts.completions,
            Completion(course_id="CENSUS-DATA-301", completed_at=now),
        ]
    elif kind in ("quiz", "late-quiz"):
        # A late report: the learning system tells us days after the quiz was taken.
        taken = now - timedelta(days=5) if kind == "late-quiz" else now
        quiz = Completion(course_id=POLICY.recertification.quiz_id, completed_at=taken)
        update["quizzes"] = [*facts.quizzes, quiz]
    elif kind == "approve" and facts.assignment:
        approval = ApprovalRecord(
            school_id=facts.assignment.location_id,
            approver_id="P",
            approver_role="principal",
            given_at=now,
        )
        update["approvals"] = [*facts.approvals, approval]
    elif kind == "withdraw":
        update["approvals"] = [
            a if a.withdrawn_at else a.model_copy(update={"withdrawn_at": now})
            for a in facts.approvals
        ]
    elif kind == "depart":
        update |= {
            "employment_status": EmploymentStatus.DEPARTED,
            "assignment": None,
            "requirements_reset_at": now,
        }
    elif kind == "rehire":
        update |= {
            "employment_status": EmploymentStatus.ACTIVE,
            "assignment": ASSIGNMENTS["office-pro@lincoln"],
        }
    elif kind.startswith("move:") and facts.employment_status is EmploymentStatus.ACTIVE:
        update["assignment"] = ASSIGNMENTS[kind.removeprefix("move:")]
    return facts.model_copy(update=update)


def settle(facts: StaffFacts, transitions: list[Transition]) -> StaffFacts:
    """Store transitions the way `save_transitions` does."""
    update: dict[str, object] = {"grant": final_grant(facts, transitions)}
    for t in transitions:
        if t.sets_reset:
            update["requirements_reset_at"] = t.reset_at
    return facts.model_copy(update=update)


def check_invariants(facts: StaffFacts, transitions: list[Transition], now: datetime) -> None:
    seen: dict[str, GrantStatus | None] = {}
    if facts.grant is not None:
        seen[facts.grant.id] = facts.grant.status
    for t in transitions:
        assert t.reason
        assert t.policy_version == POLICY.version
        previous = seen.get(t.grant.id)
        reinstated = previous is GrantStatus.EXPIRED and t.reason.startswith("reinstated")
        assert previous is None or previous.live or reinstated, f"left a final state: {t}"
        seen[t.grant.id] = t.to_status
    grant = final_grant(facts, transitions)
    if grant is None or not grant.status.live:
        return
    assert facts.employment_status is EmploymentStatus.ACTIVE
    assert facts.assignment is not None
    assert (grant.role_id, grant.location_id) == (
        facts.assignment.role_id,
        facts.assignment.location_id,
    )
    if grant.status is GrantStatus.ACTIVE:
        assert grant.expires_at is not None
        assert now < grant.expires_at
    if grant.status is GrantStatus.PENDING:
        assert requirements_met(checklist(settle(facts, transitions), POLICY))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=24 * 200), st.sampled_from(KINDS)),
        min_size=1,
        max_size=30,
    )
)
def test_engine_invariants_hold_through_any_history(steps: list[tuple[int, str]]) -> None:
    facts = make_facts(ASSIGNMENTS["office-pro@lincoln"])
    now = START
    for gap_hours, kind in steps:
        now += timedelta(hours=gap_hours)
        facts = apply(facts, kind, now)
        sweep = kind == "sweep"
        transitions = evaluate(facts, POLICY, now, activate=sweep)
        check_invariants(facts, transitions, now)
        facts = settle(facts, transitions)
        # Running the engine again at the same instant asks for nothing more.
        assert evaluate(facts, POLICY, now, activate=sweep) == []
