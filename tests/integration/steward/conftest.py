"""A small district for the steward views, built through the real use cases, with exactly
one planted case of each census rule and of each sharing and duplicate kind.

Clean families: the Lees at 12 Main St (Ann and Bob guard Cal, a student; Bob was also a
secondary member of the Diaz household until 2026-06-30), the Diazes at the same address
(Dee guards Eli) and the Foxes, who share the Lees' phone. Planted, as of TODAY:
- student without guardian: Finn Fox;
- more than two guardians: Gus Gray (Gail, Glen, and Gwen Hill who lives elsewhere);
- guardian under 18: Ian Ito (16) guards Ivy Ito;
- household without physical address: the Nash household (Nora Nash);
- several primary memberships: Quinn Quill (Quill, and Quill annex from 2026-03-01);
- guardian in several households: Rae Ross (Ross, and Ross cabin as secondary);
- relationship without type / start date: Uma Ulm → Val Ulm (no start), Vic Ulm → Val (no type);
- duplicates: Wes Wong twice (name and birth date; a third record merged away, which keeps
  a membership of the Lee household the merge could not move), Xia Xu twice
  in the Quill household (name and household), Yan Yu and Zed Zane (birth date and phone);
- shared address ever, not now: Moss household left 40 Oak Ave, Orr household came later;
- shared phone ever, not now: the Grays' old number went to the Itos.
The two legacy cases the use cases refuse (a second primary membership, a relationship
missing its type or start) are made by a one-property edit that mimics imported data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, LiteralString

import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import load_policy
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.domain.people import Person
from graph_service.services import (
    addresses,
    enrollments,
    household_reads,
    households,
    memberships,
    person_merges,
    phones,
    relationships,
)
from graph_service.services.context import UseCaseContext
from graph_service.services.runtime import Runtime
from graph_service.services.steward_gate import DistrictView
from graph_service.settings import Settings
from graph_service.testing.use_cases import submit
from tests.compiled_reads import give_active_grant
from tests.integration.household.conftest import address, make_person, make_school

TODAY = date(2026, 9, 1)
START = date(2026, 1, 1)
ENROLLED = date(2026, 1, 5)
ADULT = date(1980, 5, 17)
SHARED_PHONE = "+16125550142"
OLD_PHONE = "+16125550300"
YU_PHONE = "+16125550777"


# The views only read, so each test module builds the district once (the build is most of
# the run time) and its tests share it; nothing in these modules writes after the build.
@pytest.fixture(scope="module")
async def steward_db(migrated_driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    """Wiped in an auto-commit transaction (the wipe uses CALL { } IN TRANSACTIONS)."""
    async with migrated_driver.session(database=settings.neo4j_database) as session:
        result = await session.run(cypher("testing/wipe_data"))
        await result.consume()
    return migrated_driver


@pytest.fixture(scope="module")
def ctx(steward_db: AsyncDriver, settings: Settings) -> UseCaseContext:
    clock = FixedClock(datetime(2026, 9, 1, 15, 0, tzinfo=UTC))
    runtime = Runtime(steward_db, settings.neo4j_database, load_policy(), clock, settings=settings)
    return UseCaseContext(runtime, actor_id="steward-1")


@dataclass
class District:
    """Ids of what was built, by name."""

    people: dict[str, str] = field(default_factory=dict)
    households: dict[str, str] = field(default_factory=dict)
    relationships: dict[str, str] = field(default_factory=dict)
    school: str = ""

    def person(self, name: str) -> str:
        return self.people[name]


class Builder:
    def __init__(self, ctx: UseCaseContext, district: District) -> None:
        self.ctx = ctx
        self.district = district

    async def person(self, first: str, last: str, born: date = ADULT, **extra: Any) -> Person:
        person = await make_person(self.ctx, first, last, birthDate=born, **extra)
        self.district.people.setdefault(f"{first} {last}", person.id)
        return person

    async def household(
        self, name: str, members: list[Person], street: str | None = None, **extra: Any
    ) -> str:
        values: dict[str, Any] = {
            "name": name,
            "startDate": START,
            "members": [{"personId": p.id} for p in members],
            **extra,
        }
        if street is not None:
            number, _, rest = street.partition(" ")
            values["address"] = {"address": address(number, rest)}
        household = await submit(households.create_household, self.ctx, values)
        self.district.households[name] = household.id
        return household.id

    async def version(self, household_id: str) -> int:
        view = await household_reads.get_household(self.ctx, household_id)
        return view.household.version

    async def member(self, household_id: str, person: Person, start: date, **extra: Any) -> str:
        return await submit(
            memberships.add_member,
            self.ctx,
            {"householdId": household_id, "expectedVersion": await self.version(household_id),
             "personId": person.id, "startDate": start, **extra},
        )  # fmt: skip

    async def related(
        self, person: Person, other: Person, kind: str, *, guardian: bool = False
    ) -> str:
        relationship = await submit(
            relationships.set_relationship,
            self.ctx,
            {"personId": person.id, "relatedPersonId": other.id, "type": kind,
             "guardian": guardian, "startDate": START},
        )  # fmt: skip
        return relationship.id

    async def student(self, person: Person) -> None:
        await submit(
            enrollments.enrol_person,
            self.ctx,
            {"personId": person.id, "schoolId": self.district.school, "grade": "05",
             "startDate": ENROLLED},
        )  # fmt: skip

    async def phone(self, owner_id: str, number: str, version: int, start: date = START) -> None:
        await submit(
            phones.add_phone,
            self.ctx,
            {"ownerId": owner_id, "expectedVersion": version, "number": number,
             "startDate": start},
        )  # fmt: skip

    async def legacy(self, statement: LiteralString, **params: Any) -> None:
        await self.ctx.driver.execute_query(statement, params, database_=self.ctx.database)


async def _families(b: Builder) -> None:
    ann, bob = await b.person("Ann", "Lee"), await b.person("Bob", "Lee")
    cal = await b.person("Cal", "Lee", date(2015, 3, 4))
    lees = await b.household("Lee household", [ann, bob, cal], "12 Main")
    await b.phone(lees, SHARED_PHONE, await b.version(lees))
    dee, eli = await b.person("Dee", "Diaz"), await b.person("Eli", "Diaz", date(2016, 1, 2))
    diaz = await b.household("Diaz household", [dee, eli], "12 Main")
    await b.member(diaz, bob, START, secondary=True, endDate=date(2026, 6, 30))
    for guardian, child in ((ann, cal), (bob, cal), (dee, eli)):
        b.district.relationships[f"{guardian.first_name}-{child.first_name}"] = await b.related(
            guardian, child, "Parent", guardian=True
        )
    finn = await b.person("Finn", "Fox", date(2014, 6, 1))
    foxes = await b.household("Fox household", [finn], "7 Birch")
    await b.phone(foxes, SHARED_PHONE, await b.version(foxes))
    for child in (cal, eli, finn):
        await b.student(child)


async def _guardian_breaks(b: Builder) -> None:
    gus = await b.person("Gus", "Gray", date(2013, 2, 2))
    gail, glen = await b.person("Gail", "Gray"), await b.person("Glen", "Gray")
    gwen = await b.person("Gwen", "Hill")
    grays = await b.household("Gray household", [gus, gail, glen], "3 Cedar")
    await b.phone(grays, OLD_PHONE, await b.version(grays))
    await submit(
        phones.end_phone,
        b.ctx,
        {"ownerId": grays, "phoneId": await _phone_id(b, grays),
         "expectedVersion": await b.version(grays), "endDate": date(2026, 4, 30)},
    )  # fmt: skip
    for guardian in (gail, glen, gwen):
        await b.related(guardian, gus, "Legal Guardian", guardian=True)
    ian = await b.person("Ian", "Ito", date(2010, 1, 15))
    ivy = await b.person("Ivy", "Ito", date(2018, 4, 4))
    itos = await b.household("Ito household", [ian, ivy], "9 Dogwood")
    await b.phone(itos, OLD_PHONE, await b.version(itos), start=date(2026, 6, 1))
    await b.related(ian, ivy, "Sibling", guardian=True)
    rae, sam = await b.person("Rae", "Ross"), await b.person("Sam", "Ross", date(2016, 9, 9))
    await b.household("Ross household", [rae, sam], "5 Elm")
    cabin = await b.household("Ross cabin", [], "77 Lake")
    await b.member(cabin, rae, date(2026, 2, 1), secondary=True)
    await b.related(rae, sam, "Mother", guardian=True)
    for child in (gus, ivy, sam):
        await b.student(child)


async def _phone_id(b: Builder, household_id: str) -> str:
    view = await household_reads.get_household(b.ctx, household_id)
    return view.phones[0].phone.id


async def _household_breaks(b: Builder) -> None:
    await b.household("Nash household", [await b.person("Nora", "Nash")])
    quinn = await b.person("Quinn", "Quill")
    xia = await b.person("Xia", "Xu", date(1990, 1, 1))
    xia_again = await b.person("Xia", "Xu", date(1991, 1, 1))
    await b.household("Quill household", [quinn, xia, xia_again], "20 Fir")
    annex = await b.household("Quill annex", [], "21 Fir")
    second = await b.member(annex, quinn, date(2026, 3, 1), secondary=True)
    await b.legacy(cypher("steward/legacy_make_membership_primary"), membershipId=second)
    moss = await b.household("Moss household", [], "40 Oak")
    await submit(
        addresses.move_household,
        b.ctx,
        {"householdId": moss, "expectedVersion": await b.version(moss),
         "address": address("41", "Oak"), "moveDate": date(2026, 5, 1)},
    )  # fmt: skip
    orr = await b.household("Orr household", [], startDate=date(2026, 6, 1))
    await submit(
        addresses.add_address,
        b.ctx,
        {"householdId": orr, "expectedVersion": await b.version(orr),
         "address": address("40", "Oak"), "startDate": date(2026, 6, 1)},
    )  # fmt: skip


async def _record_breaks(b: Builder) -> None:
    uma, val, vic = [await b.person(n, "Ulm") for n in ("Uma", "Val", "Vic")]
    no_start = await b.related(uma, val, "Aunt/Uncle")
    no_type = await b.related(vic, val, "Cousin")
    b.district.relationships.update({"no start": no_start, "no type": no_type})
    await b.legacy(cypher("steward/legacy_drop_relationship_fields"), relationshipId=no_start,
                   dropType=False, dropStart=True)  # fmt: skip
    await b.legacy(cypher("steward/legacy_drop_relationship_fields"), relationshipId=no_type,
                   dropType=True, dropStart=False)  # fmt: skip
    wes = await b.person("Wes", "Wong", date(2001, 2, 3))
    b.district.people["Wes Wong 2"] = (await b.person("Wes", "Wong", date(2001, 2, 3))).id
    alias = await b.person("Wes", "Wong", date(2001, 2, 3))
    # The alias's primary membership of the Lees' household clashes with the survivor's own
    # primary household, so the merge leaves it on the alias: a live edge to a merged record.
    await b.household("Wong household", [wes], "88 Pine")
    await b.member(b.district.households["Lee household"], alias, START)
    await submit(
        person_merges.merge_persons,
        b.ctx,
        {"survivorId": wes.id, "mergedId": alias.id, "survivorExpectedVersion": wes.version,
         "mergedExpectedVersion": alias.version},
    )  # fmt: skip
    b.district.people["Wes Wong merged"] = alias.id
    yan = await b.person("Yan", "Yu", date(1990, 5, 5))
    zed = await b.person("Zed", "Zane", date(1990, 5, 5))
    for person in (yan, zed):
        await b.phone(person.id, YU_PHONE, person.version)


@pytest.fixture(scope="module")
async def district(ctx: UseCaseContext) -> District:
    built = District(school=await make_school(ctx))
    b = Builder(ctx, built)
    await _families(b)
    await _guardian_breaks(b)
    await _household_breaks(b)
    await _record_breaks(b)
    return built


async def district_reader_view(ctx: UseCaseContext) -> DistrictView:
    """The steward views as the service runs them, for `ctx`'s actor given an active
    district-wide grant: every view's statement checks it (services.steward_gate)."""
    await give_active_grant(
        ctx.driver, ctx.database, employee_id=ctx.actor_id, school_id=None, now=ctx.clock.now()
    )
    return DistrictView(runtime=ctx.runtime, employee_id=ctx.actor_id, operation="test")


@pytest.fixture(scope="module")
async def view(ctx: UseCaseContext, district: District) -> DistrictView:
    return await district_reader_view(ctx)
