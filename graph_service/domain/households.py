"""Households and memberships: inputs of the household use cases and what reads return."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, model_validator

from graph_service.domain.addresses import AddressInput, Location, LocationFlags
from graph_service.domain.base import (
    Comment,
    GraphModel,
    InputModel,
    Name,
    NodeMeta,
    Version,
    check_date_order,
)
from graph_service.domain.date_range import Day
from graph_service.domain.people import Person
from graph_service.domain.phones import PhoneInput, PhoneLink
from graph_service.domain.relationships import Relationship


class HouseholdFields(InputModel):
    name: Name
    comments: Comment = None
    private: bool = False


class FirstAddress(LocationFlags):
    address: AddressInput


class FirstMember(InputModel):
    person_id: str
    secondary: bool = False
    private: bool = False


class CreateHouseholdInput(HouseholdFields):
    """A household and, optionally, its first address, phone and members, all from
    `start_date`. `created_at_school_id` scopes it for school staff before anyone enrols."""

    start_date: Day
    created_at_school_id: str | None = None
    address: FirstAddress | None = None
    phone: PhoneInput | None = None
    members: Annotated[list[FirstMember], Field(max_length=30)] = Field(default_factory=list)

    @model_validator(mode="after")
    def _members_once(self) -> CreateHouseholdInput:
        ids = [member.person_id for member in self.members]
        if len(ids) != len(set(ids)):
            raise ValueError("a person is listed twice in members")
        return self


class EditHouseholdInput(HouseholdFields):
    """Replaces name, comments and the private flag."""

    household_id: str
    expected_version: Version


class AddMemberInput(InputModel):
    """`end_other_primary` makes this a move: the person's current primary membership
    elsewhere ends the day before `start_date` instead of the add being refused."""

    household_id: str
    expected_version: Version
    person_id: str
    start_date: Day
    end_date: Day | None = None
    secondary: bool = False
    private: bool = False
    end_other_primary: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> AddMemberInput:
        check_date_order(self.start_date, self.end_date)
        return self


class EndMembershipInput(InputModel):
    household_id: str
    expected_version: Version
    person_id: str
    end_date: Day


class SplitHouseholdInput(InputModel):
    """Some members start a new household on `split_date`; their memberships of the old
    one end the day before. The new household may get its own address."""

    household_id: str
    expected_version: Version
    person_ids: Annotated[list[str], Field(min_length=1, max_length=30)]
    split_date: Day
    new_household: HouseholdFields
    address: FirstAddress | None = None

    @model_validator(mode="after")
    def _distinct(self) -> SplitHouseholdInput:
        if len(self.person_ids) != len(set(self.person_ids)):
            raise ValueError("a person is listed twice in personIds")
        return self


class Household(NodeMeta):
    name: str
    comments: str | None = None
    private: bool = False
    created_at_school_id: str | None = None


class Membership(GraphModel):
    """One MEMBER_OF edge, seen from either end."""

    person: Person
    household: Household
    secondary: bool
    private: bool
    start_date: date
    end_date: date | None = None


class Member(GraphModel):
    person: Person
    secondary: bool
    private: bool
    start_date: date
    end_date: date | None = None


class HouseholdView(GraphModel):
    """A household as of one day: who lived there, where, and how to call them."""

    household: Household
    as_of: date
    members: list[Member]
    locations: list[Location]
    phones: list[PhoneLink]
    # Between members, current on `as_of`: from_person_id is to_person_id's `type`.
    relationships: list[Relationship] = Field(default_factory=list)


class RelationshipFact(GraphModel):
    """A RELATED_TO edge as history shows it: from is `type` of to."""

    from_person_id: str
    to_person_id: str
    type: str
    start_date: date | None
    end_date: date | None = None


class HouseholdHistory(GraphModel):
    """Every membership, location and relationship among its members, with their dates."""

    household: Household
    members: list[Member]
    locations: list[Location]
    relationships: list[RelationshipFact]
