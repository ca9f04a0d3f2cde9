"""A household as it was on a day: its members, addresses and phones (compiled reads)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph_service.graphql.authorization import guarded_by_parent
from graph_service.graphql.types.compiled import Projected, global_id
from graph_service.graphql.types.contact import HouseholdAddress, PhoneLink
from graph_service.graphql.types.node import Node

if TYPE_CHECKING:
    from graph_service.graphql.types.person import Person

PersonRef = Annotated["Person", strawberry.lazy("graph_service.graphql.types.person")]


@guarded_by_parent
@strawberry.type(description="A person's membership of the household.")
class Member:
    secondary: bool = strawberry.field(description="True for a second home.")
    private: bool
    start_date: date
    end_date: date | None
    person: PersonRef | None = strawberry.field(
        description="The member (in scope because the household is)."
    )


@guarded_by_parent
@strawberry.type(description="A census household, as it was on `asOf`.")
class Household(Node, Projected):
    id: strawberry.ID = global_id("Household")
    name: str
    comments: str | None
    private: bool
    version: int = strawberry.field(description="Pass as `expectedVersion` when updating.")
    created_at: datetime
    updated_at: datetime
    as_of: date
    members: list[Member]
    addresses: list[HouseholdAddress]
    phones: list[PhoneLink]
