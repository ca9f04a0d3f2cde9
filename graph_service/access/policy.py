"""The access policy as data: a versioned JSON file shipped with the package, validated here.

Every number, course list, track and right the rules use comes from this model, so changing
policy is editing a file (and its version), never code. An invalid file is refused with a
message naming the field and the problem.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic.alias_generators import to_camel

from graph_service.access.business_days import BusinessCalendar
from graph_service.access.school_year import MonthDay

SHIPPED_POLICY = Path(__file__).resolve().parent / "policy" / "district-policy.json"


class Right(StrEnum):
    """Infinite Campus tool rights."""

    READ = "R"
    WRITE = "W"
    ADD = "A"
    DELETE = "D"


class TrackId(StrEnum):
    OFFICE_PROFESSIONAL = "office-professional"
    SCHOOL_BASED = "school-based"
    CENTRAL_OFFICE = "central-office"


ApproverRole = Literal["principal", "access-administrator"]


class _Model(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, frozen=True, extra="forbid"
    )


class DayOfYear(_Model):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)

    @model_validator(mode="after")
    def _real_day(self) -> DayOfYear:
        try:
            MonthDay(self.month, self.day)
        except ValueError:
            raise ValueError(f"{self.month}/{self.day} is not a day of the year") from None
        return self

    @property
    def month_day(self) -> MonthDay:
        """This day as a MonthDay for the calendar functions."""
        return MonthDay(self.month, self.day)


class Course(_Model):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    url: str | None = None


class Approval(_Model):
    """Who may approve access for a track (recorded per school). A principal's approval is
    checked against the graph: the approver must hold one of `principal_role_ids` at that
    school. Access administrators are checked by the API's platform role instead."""

    given_by: list[ApproverRole] = Field(min_length=1)
    principal_role_ids: list[str] = Field(default_factory=lambda: ["principal"], min_length=1)


class Track(_Model):
    label: str
    # The job role ids this track covers: a role listed nowhere gets no household access.
    roles: list[str]
    courses: list[str] = Field(min_length=1)
    approval: Approval | None = None
    rights: list[Right] = Field(min_length=1)


class Team(_Model):
    """One central-office team's entry: without rights it takes the track's; `rights: []`
    says the team has no household access. A team without an entry has none either."""

    courses: list[str] | None = None
    rights: list[Right] | None = None


class CentralOfficeTrack(Track):
    teams: dict[str, Team] = Field(default_factory=dict)


class Tracks(_Model):
    office_professional: Track
    school_based: Track
    central_office: CentralOfficeTrack


class Recertification(_Model):
    quiz_id: str
    window_opens: DayOfYear
    # A quiz completed in time but reported after expiry reinstates the grant if it arrives
    # within this many days of the expiry (learning systems report with some lag).
    late_report_grace_days: int = Field(default=14, ge=0, le=90)


class Closure(_Model):
    """A day the district is closed (`date`), or a range of days (`from`, `to`, inclusive)."""

    day: date | None = Field(default=None, alias="date")
    first: date | None = Field(default=None, alias="from")
    last: date | None = Field(default=None, alias="to")
    name: str

    @model_validator(mode="after")
    def _one_day_or_a_range(self) -> Closure:
        if self.day is None and (self.first is None or self.last is None):
            raise ValueError('give either "date" or both "from" and "to"')
        if self.day is not None and (self.first or self.last):
            raise ValueError('give either "date" or "from" and "to", not both')
        if self.first and self.last and not self.first <= self.last <= self.first + _LONGEST:
            raise ValueError(f'"to" must be on or after "from", and within {_LONGEST.days} days')
        return self

    def days(self) -> Iterator[date]:
        """Every day this closure covers."""
        first = self.day or self.first
        last = self.day or self.last
        assert first is not None
        assert last is not None
        while first <= last:
            yield first
            first += timedelta(days=1)


_LONGEST = timedelta(days=366)


class Support(_Model):
    name: str
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
    phone: str | None = None
    url: str | None = None


class Policy(_Model):
    """The district's certified-household-access policy, as shipped or configured."""

    version: str = Field(min_length=1)
    district: str
    time_zone: str
    school_year_starts: DayOfYear
    validity_school_years: int = Field(ge=1, le=5)
    sla_business_days: int = Field(ge=0, le=30)
    recertification: Recertification
    courses: list[Course] = Field(min_length=1)
    tracks: Tracks
    closures: list[Closure] = Field(default_factory=list)
    # The schools the school-based tracks apply at: their ids, or "all" (every school in
    # the reference data). A school not listed gets no household access.
    schools: list[str] | Literal["all"]
    # Job roles that get no household access, said explicitly so that `policy check` can
    # tell them from a role the policy forgot.
    roles_without_access: list[str] = Field(default_factory=list)
    support: Support

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f'"{value}" is not an IANA time zone (e.g. America/Chicago)') from None
        return value

    @model_validator(mode="after")
    def _courses_are_declared(self) -> Policy:
        known = {course.id for course in self.courses}
        if len(known) != len(self.courses):
            raise ValueError("courses: two courses share an id")
        used: list[tuple[str, str]] = [
            (f"tracks.{name}.courses", course)
            for name, track in self._named_tracks()
            for course in track.courses
        ]
        for team_id, team in self.tracks.central_office.teams.items():
            where = f"tracks.centralOffice.teams.{team_id}.courses"
            used += [(where, course) for course in team.courses or []]
        for where, course in used:
            if course not in known:
                raise ValueError(f'{where}: course "{course}" is not listed in courses')
        return self

    @model_validator(mode="after")
    def _each_role_once(self) -> Policy:
        seen: dict[str, str] = {}
        listed = [
            (f"tracks.{name}.roles", role) for name, t in self._named_tracks() for role in t.roles
        ]
        listed += [("rolesWithoutAccess", role) for role in self.roles_without_access]
        for where, role in listed:
            if role in seen:
                raise ValueError(f'{where}: role "{role}" is already listed in {seen[role]}')
            seen[role] = where
        return self

    def _named_tracks(self) -> list[tuple[str, Track]]:
        return [
            ("officeProfessional", self.tracks.office_professional),
            ("schoolBased", self.tracks.school_based),
            ("centralOffice", self.tracks.central_office),
        ]

    @cached_property
    def zone(self) -> ZoneInfo:
        """The district's time zone: where "June 30" and "business day" are measured."""
        return ZoneInfo(self.time_zone)

    @cached_property
    def calendar(self) -> BusinessCalendar:
        """Business days: weekdays minus the policy's closures."""
        return BusinessCalendar.with_closures(day for c in self.closures for day in c.days())

    @property
    def year_start(self) -> MonthDay:
        """The first day of every school year."""
        return self.school_year_starts.month_day

    def track(self, track_id: TrackId) -> Track:
        """The settings of one track."""
        return {
            TrackId.OFFICE_PROFESSIONAL: self.tracks.office_professional,
            TrackId.SCHOOL_BASED: self.tracks.school_based,
            TrackId.CENTRAL_OFFICE: self.tracks.central_office,
        }[track_id]

    def track_of_role(self, role_id: str) -> TrackId | None:
        """The track whose `roles` list this job role, or None."""
        return next((track for track in TrackId if role_id in self.track(track).roles), None)

    def covers_school(self, school_id: str) -> bool:
        """True when the school-based tracks apply at this school."""
        return self.schools == "all" or school_id in self.schools

    def required_courses(self, track_id: TrackId, team_id: str | None = None) -> list[Course]:
        """The courses a track (or a central-office team) requires, in policy order."""
        ids = self.track(track_id).courses
        if track_id is TrackId.CENTRAL_OFFICE and team_id in self.tracks.central_office.teams:
            ids = self.tracks.central_office.teams[team_id].courses or ids
        by_id = {course.id: course for course in self.courses}
        return [by_id[course_id] for course_id in ids]

    def rights(self, track_id: TrackId, team_id: str | None = None) -> list[Right]:
        """The rights a track (or a central-office team) grants, in R, W, A, D order. A
        central-office team without an entry in the policy gets none (fail closed)."""
        rights = self.track(track_id).rights
        if track_id is TrackId.CENTRAL_OFFICE:
            team = self.tracks.central_office.teams.get(team_id or "")
            if team is None:
                return []
            rights = rights if team.rights is None else team.rights
        return sorted(set(rights), key=list(Right).index)

    def course_title(self, course_id: str) -> str:
        """A course's title, or its id when the policy does not list it."""
        return next((c.title for c in self.courses if c.id == course_id), course_id)


class InvalidPolicy(ValueError):
    """The policy file can't be used; the message names the file, the field and the fault."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(f"access policy {source} refused: " + "; ".join(problems))
        self.problems = problems


def parse_policy(text: str, *, source: str = "<text>") -> Policy:
    """Validate policy JSON text, or raise InvalidPolicy listing every problem found."""
    try:
        return Policy.model_validate_json(text)
    except ValidationError as error:
        problems = [
            f"{'.'.join(str(p) for p in detail['loc']) or 'policy'}: {detail['msg']}"
            for detail in error.errors(include_url=False, include_input=False)
        ]
        raise InvalidPolicy(source, problems) from None


def load_policy(path: Path | None = None) -> Policy:
    """The policy at `path`, or the one shipped with the package when no path is given."""
    target = path or SHIPPED_POLICY
    try:
        text = target.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidPolicy(str(target), [f"cannot be read ({error.strerror})"]) from None
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidPolicy(
            str(target), [f"not JSON at line {error.lineno} column {error.colno}: {error.msg}"]
        ) from None
    return parse_policy(text, source=str(target))
