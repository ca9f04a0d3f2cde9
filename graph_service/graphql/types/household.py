"""A household as it was on a day: its members, addresses and phones."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph_service.domain.households import Household as HouseholdModel
from graph_service.domain.households import HouseholdView
from graph_service.domain.households import Member as MemberModel
from graph_service.graphql.authorization import guarded_by_parent
from graph_service.graphql.context import Info
from graph_service.graphql.ids import to_global_id
from graph_service.graphql.types.contact import HouseholdAddress, PhoneLink
from graph_service.graphql.types.node import Node

if TYPE_CHECKING:
    from graph_service.graphql.types.person import Person

PersonRef = Annotated["Person", strawberry.lazy("graph_service.graphql.types.person")]


@guarded_by_parent
@strawberry.type(description="A person's membership of the household.")
class Member:
    person_id: strawberry.Private[str]
    as_of: strawberry.Private[date]
    secondary: bool = strawberry.field(description="True for a second home.")
    private: bool
    start_date: date
    end_date: date | None

    @strawberry.field(description="The member (in scope because the household is).")
    async def person(self, info: Info) -> PersonRef | None:
        from graph_service.graphql.types.person import Person

        view = await info.context.loaders.person.load((self.person_id, self.as_of))
        return Person.from_model(view) if view else None

    @classmethod
    def from_model(cls, member: MemberModel, as_of: date) -> Member:
        return cls(
            person_id=member.person.id,
            as_of=as_of,
            secondary=member.secondary,
            private=member.private,
            start_date=member.start_date,
            end_date=member.end_date,
        )


@guarded_by_parent
@strawberry.type(description="A census household, as it was on `asOf`.")
class Household(Node):
    raw_id: strawberry.Private[str]
    # Members, addresses and phones are read only when a query asks for them: a person's
    # memberships or a search page that shows names needs no second read.
    view: strawberry.Private[HouseholdView | None]
    name: str
    comments: str | None
    private: bool
    version: int = strawberry.field(description="Pass as `expectedVersion` when updating.")
    created_at: datetime
    updated_at: datetime
    as_of: date

    @strawberry.field
    async def members(self, info: Info) -> list[Member]:
        view = await self._view(info)
        return [Member.from_model(m, self.as_of) for m in view.members] if view else []

    @strawberry.field
    async def addresses(self, info: Info) -> list[HouseholdAddress]:
        view = await self._view(info)
        return [HouseholdAddress.from_model(loc) for loc in view.locations] if view else []

    @strawberry.field
    async def phones(self, info: Info) -> list[PhoneLink]:
        view = await self._view(info)
        return [PhoneLink.from_model(link) for link in view.phones] if view else []

    async def _view(self, info: Info) -> HouseholdView | None:
        """The household's day, loaded with the request's other households on first use."""
        if self.view is None:
            self.view = await info.context.loaders.household.load((self.raw_id, self.as_of))
        return self.view

    @classmethod
    def from_model(cls, view: HouseholdView) -> Household:
        return cls.from_household(view.household, view.as_of, view)

    @classmethod
    def from_household(
        cls, h: HouseholdModel, as_of: date, view: HouseholdView | None = None
    ) -> Household:
        """From the household's own properties (as a search or a membership read them);
        its members, addresses and phones are loaded if asked for."""
        return cls(
            id=strawberry.ID(to_global_id("Household", h.id)),
            raw_id=h.id,
            view=view,
            name=h.name,
            comments=h.comments,
            private=h.private,
            version=h.version,
            created_at=h.created_at,
            updated_at=h.updated_at,
            as_of=as_of,
        )
