"""Does the access policy agree with the reference data? Rights live in the policy and
approval in the reference data; roles, teams and schools are named in both. Any mismatch is
named here, so that the service can refuse to start on it (configuration fails closed)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from graph_service.access.facts import RoleCategory
from graph_service.access.policy import InvalidPolicy, Policy, TrackId
from graph_service.db.staff import JobRole, ReferenceData


class PolicyDisagreement(InvalidPolicy):
    """The policy and the reference data name different things; the message lists each."""

    def __init__(self, source: str, problems: list[str]) -> None:
        ValueError.__init__(
            self,
            f"access policy {source} disagrees with the reference data: " + "; ".join(problems),
        )
        self.problems = problems


def load_reference(path: Path) -> ReferenceData:
    """The reference data file at `path` (roles, schools, teams), or InvalidPolicy."""
    try:
        return ReferenceData.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidPolicy(str(path), [f"cannot be read ({error.strerror})"]) from None
    except (ValidationError, json.JSONDecodeError) as error:
        raise InvalidPolicy(str(path), [f"not valid reference data: {error}"]) from None


def _track_in_reference(role: JobRole) -> TrackId:
    """The track the reference data puts a role in (its category and office flag)."""
    if role.category is RoleCategory.CENTRAL_OFFICE:
        return TrackId.CENTRAL_OFFICE
    return TrackId.OFFICE_PROFESSIONAL if role.office_professional else TrackId.SCHOOL_BASED


_TRACK_KEYS = {
    TrackId.OFFICE_PROFESSIONAL: "officeProfessional",
    TrackId.SCHOOL_BASED: "schoolBased",
    TrackId.CENTRAL_OFFICE: "centralOffice",
}


def disagreements(policy: Policy, reference: ReferenceData) -> list[str]:
    """Every way the policy and the reference data disagree, each naming what is missing."""
    return _roles(policy, reference) + _teams(policy, reference) + _schools(policy, reference)


def _roles(policy: Policy, reference: ReferenceData) -> list[str]:
    problems: list[str] = []
    known = {role.id: role for role in reference.roles}
    named = [
        (f"tracks.{_TRACK_KEYS[track]}.roles", role)
        for track in TrackId
        for role in policy.track(track).roles
    ]
    named += [("rolesWithoutAccess", role) for role in policy.roles_without_access]
    approval = policy.tracks.school_based.approval
    named += [
        ("tracks.schoolBased.approval.principalRoleIds", role)
        for role in (approval.principal_role_ids if approval else [])
    ]
    problems += [
        f'{where}: role "{role}" is not in the reference data'
        for where, role in named
        if role not in known
    ]
    for role in reference.roles:
        track = policy.track_of_role(role.id)
        if track is None and role.id not in policy.roles_without_access:
            problems.append(
                f'role "{role.id}" ({role.name}) has no entry in the policy: list it in a '
                "track's roles or in rolesWithoutAccess"
            )
        elif track is not None and track is not _track_in_reference(role):
            problems.append(
                f'role "{role.id}" is in tracks.{_TRACK_KEYS[track]}.roles but the reference '
                f"data makes it {_TRACK_KEYS[_track_in_reference(role)]} (category "
                f"{role.category}, officeProfessional {str(role.office_professional).lower()})"
            )
    return problems


def _teams(policy: Policy, reference: ReferenceData) -> list[str]:
    problems: list[str] = []
    entries = policy.tracks.central_office.teams
    known = {team.id: team for team in reference.teams}
    problems += [
        f'tracks.centralOffice.teams: team "{team_id}" is not in the reference data'
        for team_id in entries
        if team_id not in known
    ]
    for team in reference.teams:
        rights = policy.rights(TrackId.CENTRAL_OFFICE, team.id)
        if team.id not in entries:
            problems.append(
                f'team "{team.id}" ({team.name}) has no entry in tracks.centralOffice.teams'
            )
        elif team.approved_for_household_access and not rights:
            problems.append(
                f'team "{team.id}" is approvedForHouseholdAccess in the reference data but '
                "the policy gives it no rights"
            )
        elif not team.approved_for_household_access and rights:
            problems.append(
                f'team "{team.id}" is not approvedForHouseholdAccess in the reference data '
                f"but the policy gives it rights {''.join(rights)}"
            )
    return problems


def _schools(policy: Policy, reference: ReferenceData) -> list[str]:
    if policy.schools == "all":
        return []
    known = {school.id for school in reference.schools}
    problems = [
        f'schools: school "{school_id}" is not in the reference data'
        for school_id in policy.schools
        if school_id not in known
    ]
    problems += [
        f'school "{school.id}" ({school.name}) is unknown to the policy (schools)'
        for school in reference.schools
        if school.id not in policy.schools
    ]
    return problems


def check_agreement(policy: Policy, reference: ReferenceData, *, source: str) -> None:
    """Raise PolicyDisagreement naming every mismatch, if there is any."""
    problems = disagreements(policy, reference)
    if problems:
        raise PolicyDisagreement(source, problems)
