"""People: names, birth date, identifiers; and the keys used to find duplicates."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from graph_service.domain.base import GraphModel, InputModel, Name, NodeMeta, OptionalName, Version
from graph_service.domain.date_range import Day

Identifier = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9-]+$")]


class Gender(StrEnum):
    FEMALE = "F"
    MALE = "M"
    NONBINARY = "X"
    UNKNOWN = "U"


def name_key(name: str) -> str:
    """Lower case, accents and punctuation dropped: "Zoë O'Neil" and "zoe oneil" match."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if ch.isalnum() or ch.isspace())
    return " ".join(letters.lower().split())


class PersonFields(InputModel):
    first_name: Name
    middle_name: OptionalName = None
    last_name: Name
    suffix: OptionalName = None
    preferred_name: OptionalName = None
    birth_date: Day | None = None
    gender: Gender = Gender.UNKNOWN
    student_number: Identifier | None = None
    state_id: Identifier | None = None
    staff_employee_id: Identifier | None = None

    @field_validator("birth_date")
    @classmethod
    def _born_in_the_past(cls, value: date | None, info: ValidationInfo) -> date | None:
        today = (info.context or {}).get("today") or date.today()
        # The earliest birth date is the start of the dates the service keeps (see `Day`).
        if value is not None and value > today:
            raise ValueError(f"is in the future (today is {today})")
        return value


class CreatePersonInput(PersonFields):
    """`confirm_not_duplicate` is the caller saying "I saw the candidates; this is new"."""

    confirm_not_duplicate: bool = False


class EditPersonInput(PersonFields):
    """Replaces every field of the person (send what you read, changed where you mean it)."""

    person_id: str
    expected_version: Version


class Person(NodeMeta):
    first_name: str
    middle_name: str | None = None
    last_name: str
    suffix: str | None = None
    preferred_name: str | None = None
    birth_date: date | None = None
    gender: Gender = Gender.UNKNOWN
    student_number: str | None = None
    state_id: str | None = None
    staff_employee_id: str | None = None
    merged_into_id: str | None = None


STUDENT_NUMBER = "student number"  # the duplicate check's reasons: this, or "name and birth date"


class DuplicateCandidate(GraphModel):
    person: Person
    reason: str  # "name and birth date" or STUDENT_NUMBER


class DuplicateCheck(GraphModel):
    """What the duplicate check found: the records the caller may read, and only the
    reasons of those they may not (never who, nor how many)."""

    candidates: list[DuplicateCandidate]
    hidden_reasons: list[str]

    @property
    def found(self) -> bool:
        return bool(self.candidates or self.hidden_reasons)

    @property
    def reasons(self) -> set[str]:
        return {c.reason for c in self.candidates} | set(self.hidden_reasons)


@dataclass(frozen=True)
class IdentityKey:
    """What the duplicate check compares, normalized once: the name keys and birth date,
    and the student number. The check and its locks both read it, so they can't disagree."""

    first_name_key: str
    last_name_key: str
    birth_date: date | None
    student_number: str | None

    @classmethod
    def of(cls, fields: PersonFields) -> IdentityKey:
        return cls(
            first_name_key=name_key(fields.first_name),
            last_name_key=name_key(fields.last_name),
            birth_date=fields.birth_date,
            student_number=fields.student_number,
        )

    def lock_keys(self) -> list[str]:
        """One key per way the check can match (sorted, so lockers take them in one order).
        Two creates the check would pair share a key. Hashed: a lock node holds no name."""
        parts: list[list[str]] = []
        if self.birth_date is not None:
            parts.append(
                ["name", self.last_name_key, self.first_name_key, self.birth_date.isoformat()]
            )
        if self.student_number is not None:
            parts.append(["studentNumber", self.student_number])
        return sorted(hashlib.sha256(json.dumps(part).encode()).hexdigest() for part in parts)
