"""Addresses and phones as a household or person has them."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service.domain.addresses import Location
from graph_service.domain.phones import PhoneLink as PhoneLinkModel
from graph_service.domain.phones import PhoneType
from graph_service.graphql.authorization import guarded_by_parent
from graph_service.graphql.ids import to_global_id
from graph_service.graphql.types.node import Node

PhoneTypeEnum = strawberry.enum(PhoneType, name="PhoneType")


@guarded_by_parent
@strawberry.type(description="A postal address, shared by every household located there.")
class Address(Node):
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

    @classmethod
    def from_model(cls, location: Location) -> HouseholdAddress:
        a = location.address
        return cls(
            address=Address(
                id=strawberry.ID(to_global_id("Address", a.id)),
                number=a.number,
                street=a.street,
                tag=a.tag,
                apartment=a.apartment,
                po_box=a.po_box,
                city=a.city,
                state=a.state,
                zip=a.zip,
            ),
            physical=location.physical,
            mailing=location.mailing,
            secondary=location.secondary,
            private=location.private,
            start_date=location.start_date,
            end_date=location.end_date,
        )


@guarded_by_parent
@strawberry.type(description="A phone number in E.164 form.")
class Phone(Node):
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

    @classmethod
    def from_model(cls, link: PhoneLinkModel) -> PhoneLink:
        p = link.phone
        return cls(
            phone=Phone(
                id=strawberry.ID(to_global_id("Phone", p.id)),
                number=p.number,
                type=p.type,
                sms_capable=p.sms_capable,
            ),
            priority=link.priority,
            private=link.private,
            start_date=link.start_date,
            end_date=link.end_date,
        )
