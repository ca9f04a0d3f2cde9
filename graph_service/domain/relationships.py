"""Relationships between people: one RELATED_TO edge per pair, read from either side."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field, model_validator

from graph_service.domain.base import Comment, GraphModel, InputModel, Version, check_date_order
from graph_service.domain.date_range import Day
from graph_service.domain.people import Person

Priority = Annotated[int, Field(ge=1, le=99)]


class SetRelationshipInput(InputModel):
    """ "`person` is `related_person`'s `type`", with the roles `person` plays for them
    (guardian, mailing, portal, messenger, emergency contact at `emergency_priority`).
    Creates the pair, or updates the current one when `expected_version` is given."""

    person_id: str
    related_person_id: str
    type: Annotated[str, Field(min_length=1, max_length=60)]
    guardian: bool = False
    mailing: bool = False
    portal: bool = False
    messenger: bool = False
    emergency_priority: Priority | None = None
    lives_with: bool = False
    contact_restrictions: Annotated[str | None, Field(max_length=500)] = None
    private: bool = False
    comments: Comment = None
    start_date: Day
    end_date: Day | None = None
    expected_version: Version | None = None

    @model_validator(mode="after")
    def _two_people_in_order(self) -> SetRelationshipInput:
        if self.person_id == self.related_person_id:
            raise ValueError("a person cannot be related to themself")
        check_date_order(self.start_date, self.end_date)
        return self

    def has_roles(self) -> bool:
        """Whether any flag says something `person` does for `related_person`."""
        return any((self.guardian, self.mailing, self.portal, self.messenger, self.lives_with)) or (
            self.emergency_priority is not None
        )


class EndRelationshipInput(InputModel):
    relationship_id: str
    expected_version: Version
    end_date: Day


class ReorderEmergencyContactsInput(InputModel):
    """Every current emergency contact of the person, first to call first."""

    person_id: str
    expected_version: Version
    contact_person_ids: Annotated[list[str], Field(min_length=1, max_length=30)]

    @model_validator(mode="after")
    def _distinct(self) -> ReorderEmergencyContactsInput:
        if len(self.contact_person_ids) != len(set(self.contact_person_ids)):
            raise ValueError("a contact is listed twice")
        return self


class Relationship(GraphModel):
    """The stored edge: `from_person_id` is `to_person_id`'s `type`."""

    id: str
    from_person_id: str
    to_person_id: str
    type: str
    guardian: bool = False
    mailing: bool = False
    portal: bool = False
    messenger: bool = False
    emergency_priority: int | None = None
    lives_with: bool = False
    contact_restrictions: str | None = None
    private: bool = False
    comments: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


class RelatedPerson(GraphModel):
    """The other person of a pair seen from one side: `other` is my `label`."""

    other: Person
    label: str
    relationship: Relationship
    household: bool  # derived: we share a current household on the as-of date
