"""The generator's hands: make people, households, addresses, phones and edges as rows, with
the derived keys computed by the domain's own functions (name keys, normalized address keys,
E.164 numbers) so searches and duplicate checks work on them as on use-case data."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property
from typing import Any

import phonenumbers

from graph_service.db.addresses import street_key
from graph_service.domain.addresses import AddressInput
from graph_service.domain.enrollments import Grade
from graph_service.domain.people import name_key
from graph_service.seeding.natural_ids import address_id, phone_id
from seeds import names
from seeds.district import District, Ids, Row
from seeds.seen import Seen

GRADES = list(Grade)
# A house draw that met this many taken houses in a row goes to the outskirts' numbers
# (above the apartment buildings', 10000 + 2 per building: at most 15,000 at 1,000,000).
HOUSE_DRAWS = 200
OUTSKIRTS = (20_000, 99_999)
# Names come from short lists, so each key is computed once (the domain's own function).
key_of = cache(name_key)  # PK at 4 years old on September 1, KG at 5, ..., 12 at 17


def age_on(birth: date, day: date) -> int:
    """Whole years old on `day`."""
    return day.year - birth.year - int((day.month, day.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class Calendar:
    """The dates a district is built around: `as_of` is July 1, the first day of the anchor's
    school year. Every fact starts (and every ended fact ends) by then, so the district is
    current all school year, and any anchor in one school year gives the same rows (a rerun
    on another day merges onto what the first load made)."""

    as_of: date

    @classmethod
    def for_anchor(cls, day: date) -> Calendar:
        return cls(date(day.year if day.month >= 7 else day.year - 1, 7, 1))

    @property
    def year_start(self) -> int:
        """The calendar year the current school year (July 1 - June 30) starts in."""
        return self.as_of.year

    @cached_property
    def grade_day(self) -> date:
        """Grades go by the age on September 1."""
        return date(self.year_start, 9, 1)

    @property
    def first_day(self) -> date:
        """Enrolments for the school year start on its first day, July 1."""
        return self.as_of

    def grade_for(self, birth: date) -> Grade | None:
        index = age_on(birth, self.grade_day) - 4
        return GRADES[index] if 0 <= index < len(GRADES) else None


def is_valid_us_number(number: str) -> bool:
    """What `normalize_phone` accepts, for "+1" and ten digits: the same `phonenumbers`
    validity check without parsing text (the parse was a third of the generator's time)."""
    return phonenumbers.is_valid_number(
        phonenumbers.PhoneNumber(country_code=1, national_number=int(number[2:]))
    )


@cache
def _street_parts(street: int, unit: str | None) -> tuple[str, str, Row]:
    """A street's (and door's) normalized key after the number, its street key after the
    number, and its row, from the domain's own functions with a stand-in number."""
    name, tag = names.STREETS[street]
    given = AddressInput(
        number="1", street=name, tag=tag or None, apartment=unit, city=names.CITY,
        state=names.STATE, zip=names.ZIPS[street % len(names.ZIPS)],
    )  # fmt: skip
    number_key, rest = given.normalized_key().split("|", 1)
    number_street, tail = street_key(given).split(" ", 1)
    assert number_key == number_street == "1"  # a house number's key is its digits
    return rest, tail, given.model_dump(by_alias=True)


def street_address(street: int, number: int, unit: str | None) -> tuple[str, Row]:
    """The normalized key and Address row of `number` on names.STREETS[street]: equal to
    what AddressInput, normalized_key and street_key make, without validating each time
    (the streets, towns and doors come from short lists; the number is plain digits)."""
    rest, tail, row = _street_parts(street, unit)
    key = f"{number}|{rest}"
    return key, {
        "id": address_id(key), "normalizedKey": key, "streetKey": f"{number} {tail}",
        **row, "number": str(number),
    }  # fmt: skip


def box_address(street: int, po_box: str) -> tuple[str, Row]:
    """A PO box in the town of names.STREETS[street]'s ZIP code."""
    given = AddressInput(
        po_box=po_box, city=names.CITY, state=names.STATE, zip=names.ZIPS[street % len(names.ZIPS)]
    )
    key = given.normalized_key()
    return key, {
        "id": address_id(key), "normalizedKey": key, "streetKey": street_key(given),
        **given.model_dump(by_alias=True),
    }  # fmt: skip


class Builder:
    """Appends rows to a District, keeping what must stay unique unique."""

    def __init__(self, district: District, rng: random.Random, calendar: Calendar) -> None:
        self.d = district
        self.rng = rng
        self.cal = calendar
        self.ids = Ids(district.seed)
        # Identities, address keys, houses and numbers used so far (fixed memory).
        self._seen = Seen()
        self._exchanges: dict[tuple[str, int], bool] = {}
        self._student_numbers = 0
        self.households_made = 0
        self.outskirts = False  # see `address`
        # First names taken in the family being built: two members of one household with
        # the same name would look like a duplicate record to the steward tools.
        self.family_names: set[str] = set()

    def take(self) -> District:
        """The rows made since the last take, handed over; later rows start a new chunk
        (the planted cases stay one record across chunks)."""
        chunk = self.d
        self.d = District(
            seed=chunk.seed, households_asked=chunk.households_asked, planted=chunk.planted
        )
        return chunk

    # -- people ---------------------------------------------------------------------------
    def born(self, age: int) -> date:
        """A birth date making the person `age` on the as-of day."""
        return self.cal.as_of - timedelta(days=int(age * 365.25) + self.rng.randrange(360) + 3)

    def person(
        self, first: str, last: str, birth: date, gender: str, *, unique: bool = True, **extra: Any
    ) -> str:
        """A Person row. `unique` moves the birth date a day at a time until no one else has
        the same normalized name and birth date: only planted duplicates may share them."""
        keys = f"person|{key_of(first)}|{key_of(last)}|"
        if unique:
            while not self._seen.add_new(f"{keys}{birth}"):
                birth -= timedelta(days=1)
        else:
            self._seen.add(f"{keys}{birth}")
        person_id = self.ids.new("person")
        row: Row = {
            "id": person_id, "firstName": first, "middleName": extra.get("middleName"),
            "lastName": last, "suffix": extra.get("suffix"),
            "preferredName": extra.get("preferredName"), "birthDate": birth, "gender": gender,
            "studentNumber": None, "stateId": None, "staffEmployeeId": None,
            "firstNameKey": key_of(first), "lastNameKey": key_of(last),
        }  # fmt: skip
        if self.cal.grade_for(birth) is not None and extra.get("student", True):
            self._student_numbers += 1
            # The seed is part of the number: two demo districts can share one database.
            row["studentNumber"] = f"S{self.d.seed}-{self._student_numbers:06d}"
            row["stateId"] = f"IL{self.d.seed}-{self._student_numbers:08d}"
        self.d.people.append(row)
        return person_id

    def random_person(self, last: str, age: int, gender: str | None = None, **extra: Any) -> str:
        gender = gender or self.rng.choice("FFFMMMX")
        pool = {"F": names.FEMALE_NAMES, "M": names.MALE_NAMES}.get(gender, names.NEUTRAL_NAMES)
        middle = self.rng.choice(names.MIDDLE_INITIALS) if self.rng.random() < 0.4 else None
        first = self.rng.choice(pool)
        while first in self.family_names:
            first = self.rng.choice(pool)
        self.family_names.add(first)
        return self.person(first, last, self.born(age), gender, middleName=middle, **extra)

    def last_name(self) -> str:
        return self.rng.choice(names.LAST_NAMES)

    # -- households, addresses, phones -----------------------------------------------------
    def household(self, name: str, *, school_id: str | None = None) -> str:
        household_id = self.ids.new("household")
        self.households_made += 1
        self.d.households.append(
            {"id": household_id, "name": name, "nameKey": key_of(name), "comments": None,
             "private": self.rng.random() < 0.02}
        )  # fmt: skip
        if school_id is not None:
            self.d.created_at.append({"householdId": household_id, "schoolId": school_id})
        return household_id

    def address(self, *, apartment: bool = False, po_box: str | None = None) -> str:
        """A new place (never one handed out before); returns its normalized key."""
        # Apartment buildings: enough per street for the district's size, 72 doors each.
        # Counted from the households made so far, not the size asked for (see generator).
        buildings = max(4, self.households_made // 400)
        taken = 0
        while True:
            street = self.rng.randrange(len(names.STREETS))
            number = self.rng.randrange(100, 9999)
            # The streets' ~495,000 regular house numbers run out near 700,000 households
            # (the draw looped for ever): from the first run of HOUSE_DRAWS taken houses
            # on, the outskirts' numbers take over. No district below ~600,000 households
            # meets such a run (at 90% of the houses taken, 1 draw in 10^9 would), so
            # their rows are what they were.
            self.outskirts = self.outskirts or taken >= HOUSE_DRAWS
            if self.outskirts:
                number = self.rng.randrange(*OUTSKIRTS)
            unit = None
            if apartment:
                number = 10000 + 2 * self.rng.randrange(buildings)
                unit = f"Apt {self.rng.randrange(1, 10)}{self.rng.choice('ABCDEFGH')}"
            elif f"house|{street}|{number}" in self._seen:
                taken += 1
                continue
            if po_box is None:
                key, row = street_address(street, number, unit)
            else:
                key, row = box_address(street, po_box)
            if self._seen.add_new(f"address|{key}"):
                break
        self._seen.add(f"house|{street}|{number}")
        self.d.addresses.append(row)
        return key

    def locate(
        self, household_id: str, key: str, start: date, end: date | None = None, **flags: bool
    ) -> None:
        self.d.locations.append(
            {"id": self.ids.new("located_at"), "householdId": household_id, "addressKey": key,
             "startDate": start, "endDate": end, "physical": flags.get("physical", True),
             "mailing": flags.get("mailing", True), "secondary": flags.get("secondary", False),
             "private": False}
        )  # fmt: skip

    def phone(self, kind: str = "mobile") -> str:
        """A new valid number in E.164 (the Phone node's key)."""
        while True:
            area = self.rng.choice(names.AREA_CODES)
            exchange = self.rng.randrange(201, 999)
            number = f"+1{area}{exchange}{self.rng.randrange(10000):04d}"
            valid = self._exchanges.get((area, exchange))
            if valid is None:
                # US validity depends on the area code and exchange only, so it is asked once
                # per prefix, of the first number drawn with it.
                valid = self._exchanges[(area, exchange)] = is_valid_us_number(number)
            if valid and self._seen.add_new(f"phone|{number}"):
                break
        self.d.phones.append(
            {"id": phone_id(number), "number": number, "type": kind,
             "smsCapable": kind == "mobile"}
        )  # fmt: skip
        return number

    def link_phone(
        self, owner_id: str, number: str, priority: int, start: date, *, household: bool
    ) -> None:
        rows = self.d.household_phones if household else self.d.person_phones
        rows.append(
            {"id": self.ids.new("has_phone"), "ownerId": owner_id, "number": number,
             "priority": priority, "private": False, "startDate": start, "endDate": None}
        )  # fmt: skip

    # -- edges ------------------------------------------------------------------------------
    def member(
        self, person_id: str, household_id: str, start: date, end: date | None = None,
        *, secondary: bool = False,
    ) -> None:  # fmt: skip
        self.d.memberships.append(
            {"id": self.ids.new("member_of"), "personId": person_id, "householdId": household_id,
             "startDate": start, "endDate": end, "secondary": secondary, "private": False}
        )  # fmt: skip

    def relate(self, from_id: str, to_id: str, kind: str, start: date | None, **roles: Any) -> str:
        """`from_id` is `to_id`'s `kind` (one edge per pair), with the roles from_id plays."""
        relationship_id = self.ids.new("related_to")
        self.d.relationships.append(
            {"id": relationship_id, "fromId": from_id, "toId": to_id, "type": kind,
             "guardian": roles.get("guardian", False), "mailing": roles.get("mailing", False),
             "portal": roles.get("portal", False), "messenger": roles.get("messenger", False),
             "emergencyPriority": roles.get("priority"), "livesWith": roles.get("lives", False),
             "contactRestrictions": roles.get("restrictions"), "private": False,
             "comments": roles.get("comments"), "startDate": start, "endDate": None}
        )  # fmt: skip
        return relationship_id

    def enrol(
        self, person_id: str, school_id: str, grade: Grade, start: date, end: date | None = None
    ) -> None:
        self.d.enrolments.append(
            {"id": self.ids.new("enrolled_at"), "personId": person_id, "schoolId": school_id,
             "startDate": start, "endDate": end, "grade": grade.value}
        )  # fmt: skip
