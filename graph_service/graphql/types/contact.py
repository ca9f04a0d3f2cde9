"""Addresses and phones as a household or person has them (answered by compiled reads)."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service.domain.phones import PhoneType
from graph_service.graphql.authorization import guarded_by_parent
from graph_service.graphql.types.compiled import Projected, global_id
from graph_service.graphql.types.node import Node

PhoneTypeEnum = strawberry.enum(PhoneType, name="PhoneType")


@guarded_by_parent
@strawberry.type(description="A postal address, shared by every household located there.")
class Address(Node, Projected):
    id: strawberry.ID = global_id("Address")
    number: str | None
    street: str | None
    tag: str | None
    apartment: str | None
    po_box: str | None
    city: str
    state: str
    zip: str


@guarded_by_parent
@strawberry.type(description="An address as one household has it, with its flags and dates.")
class HouseholdAddress:
    address: Address
    physical: bool
    mailing: bool
    secondary: bool
    private: bool
    start_date: date
    end_date: date | None


@guarded_by_parent
@strawberry.type(description="A phone number in E.164 form.")
class Phone(Node, Projected):
    id: strawberry.ID = global_id("Phone")
    number: str
    type: PhoneTypeEnum  # type: ignore[valid-type]  # strawberry.enum returns the enum class
    sms_capable: bool


@guarded_by_parent
@strawberry.type(description="A phone as one owner has it: lowest priority is called first.")
class PhoneLink:
    phone: Phone
    priority: int
    private: bool
    start_date: date
    end_date: date | None
