"""Builders for engine facts: a few keyword arguments instead of long literal models."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from graph_service.access.facts import (
    ApprovalRecord,
    Assignment,
    Completion,
    EmploymentStatus,
    Grant,
    LocationKind,
    RoleCategory,
    StaffFacts,
)
from graph_service.access.policy import Policy, load_policy

POLICY: Policy = load_policy()
ZONE = ZoneInfo("America/Chicago")
OFFICE_COURSES = ["FERPA-101", "CENSUS-HH-201", "CENSUS-REL-202"]


def at(text: str) -> datetime:
    """A district-local instant from 'YYYY-MM-DD HH:MM[:SS]'."""
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


def office_professional(school: str = "lincoln-high") -> Assignment:
    return Assignment(
        role_id="office-pro",
        role_name="Attendance clerk",
        category=RoleCategory.SCHOOL_BASED,
        office_professional=True,
        location_kind=LocationKind.SCHOOL,
        location_id=school,
        location_name=school.replace("-", " ").title(),
    )


def teacher(school: str = "lincoln-high") -> Assignment:
    return office_professional(school).model_copy(
        update={"role_id": "teacher", "role_name": "Teacher", "office_professional": False}
    )


def central(team: str = "enrollment", *, approved: bool = True) -> Assignment:
    return Assignment(
        role_id="analyst",
        role_name="Analyst",
        category=RoleCategory.CENTRAL_OFFICE,
        office_professional=False,
        location_kind=LocationKind.TEAM,
        location_id=team,
        location_name=team.title(),
        team_approved=approved,
    )


def courses(when: str, ids: list[str] | None = None) -> list[Completion]:
    return [Completion(course_id=c, completed_at=at(when)) for c in ids or OFFICE_COURSES]


def quiz(when: str) -> Completion:
    return Completion(course_id=POLICY.recertification.quiz_id, completed_at=at(when))


def approval(
    when: str, school: str = "lincoln-high", withdrawn: str | None = None
) -> ApprovalRecord:
    return ApprovalRecord(
        school_id=school,
        approver_id="E-PRINCIPAL",
        approver_role="principal",
        given_at=at(when),
        withdrawn_at=at(withdrawn) if withdrawn else None,
    )


def make_facts(
    assignment: Assignment | None = None,
    *,
    completions: list[Completion] | None = None,
    quizzes: list[Completion] | None = None,
    approvals: list[ApprovalRecord] | None = None,
    grant: Grant | None = None,
    departed: bool = False,
    reset_at: str | None = None,
) -> StaffFacts:
    return StaffFacts(
        employee_id="E100",
        name="Dana Reyes",
        email="dana.reyes@example-district.org",
        employment_status=EmploymentStatus.DEPARTED if departed else EmploymentStatus.ACTIVE,
        assignment=assignment if assignment is not None else office_professional(),
        completions=completions or [],
        quizzes=quizzes or [],
        approvals=approvals or [],
        grant=grant,
        requirements_reset_at=at(reset_at) if reset_at else None,
    )
