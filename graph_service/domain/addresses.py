"""US addresses: validated, normalized, and keyed so one place is one shared Address node."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, model_validator

from graph_service.domain.base import GraphModel, InputModel, Name, NodeMeta, OptionalName, Version
from graph_service.domain.date_range import Day

# A word list; it reads better reads better as one string than as 59 quoted items.
US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "  # noqa: SIM905
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP AA AE AP".split()
)
_ZIP = re.compile(r"^\d{5}(-\d{4})?$")

# USPS standard suffixes for the tags people actually type; anything else is kept as written.
STREET_TAGS = {
    "STREET": "ST", "STR": "ST", "AVENUE": "AVE", "AV": "AVE", "ROAD": "RD", "DRIVE": "DR",
    "DR.": "DR", "LANE": "LN", "BOULEVARD": "BLVD", "COURT": "CT", "PLACE": "PL",
    "CIRCLE": "CIR", "TERRACE": "TER", "PARKWAY": "PKWY", "HIGHWAY": "HWY", "WAY": "WAY",
    "TRAIL": "TRL", "SQUARE": "SQ",
}  # fmt: skip


def _state(value: str) -> str:
    code = value.strip().upper()
    if code not in US_STATES:
        raise ValueError("must be a two-letter US state or territory code, like MN")
    return code


def _zip(value: str) -> str:
    code = value.strip()
    if not _ZIP.match(code):
        raise ValueError("must be a US ZIP code: 12345 or 12345-6789")
    return code


State = Annotated[str, AfterValidator(_state)]
Zip = Annotated[str, AfterValidator(_zip)]


def _canonical(text: str | None) -> str:
    """Upper case, punctuation dropped, single spaces: the form two spellings share."""
    if not text:
        return ""
    return " ".join(re.sub(r"[^\w\s]", " ", text.upper()).split())


def normalize_tag(tag: str | None) -> str:
    canonical = _canonical(tag)
    return STREET_TAGS.get(canonical, canonical)


# USPS abbreviations for directionals, so "North Main" and "N Main" are one street.
DIRECTIONALS = {
    "NORTH": "N", "SOUTH": "S", "EAST": "E", "WEST": "W",
    "NORTHEAST": "NE", "NORTHWEST": "NW", "SOUTHEAST": "SE", "SOUTHWEST": "SW",
}  # fmt: skip


def normalize_street(street: str | None) -> str:
    return " ".join(DIRECTIONALS.get(word, word) for word in _canonical(street).split())


def normalize_apartment(apartment: str | None) -> str:
    """ "Apt. 4B", "#4b" and "Unit 4B" are the same door."""
    words = _canonical(apartment).split()
    if words and words[0] in {"APT", "APARTMENT", "UNIT", "STE", "SUITE", "NO"}:
        words = words[1:]
    return " ".join(words)


def search_prefix(text: str) -> str:
    """What a typed address search matches against stored street keys: "12 main street"
    becomes "12 MAIN ST", "12 north main" "12 N MAIN", "P.O. Box 7" "PO BOX 7"."""
    words = _canonical(text).split()
    if words[:2] == ["P", "O"]:
        words = ["PO", *words[2:]]
    if words[:1] != ["PO"]:
        words = [DIRECTIONALS.get(word, word) for word in words]
    street_only = len(words) == 2 and not words[0].isdigit()  # "Main Street"
    if (len(words) > 2 or street_only) and words[0] != "PO":
        # Only a trailing word can be the tag ("12 Court Street": Court stays the street).
        words[-1] = STREET_TAGS.get(words[-1], words[-1])
    return " ".join(words)


class AddressInput(InputModel):
    """A street address (number + street) or a PO box; city, state and ZIP always."""

    number: OptionalName = None
    street: OptionalName = None
    tag: OptionalName = None
    apartment: OptionalName = None
    po_box: OptionalName = None
    city: Name
    state: State
    zip: Zip

    @model_validator(mode="after")
    def _street_or_box(self) -> AddressInput:
        if self.po_box is None and (self.number is None or self.street is None):
            raise ValueError("give a number and street, or a PO box")
        return self

    def normalized_key(self) -> str:
        """Equal for every spelling of the same place; the Address node's unique key."""
        zip5 = self.zip[:5]
        if self.po_box is not None and self.street is None:
            return f"POBOX|{_canonical(self.po_box)}|{_canonical(self.city)}|{self.state}|{zip5}"
        street = normalize_street(self.street)
        # "Main Street" typed into the street field with no tag is the same as Main + St.
        tag = normalize_tag(self.tag)
        if not tag and " " in street:
            *head, last = street.split()
            if last in STREET_TAGS or last in STREET_TAGS.values():
                street, tag = " ".join(head), STREET_TAGS.get(last, last)
        parts = [_canonical(self.number), street, tag, normalize_apartment(self.apartment)]
        return "|".join([*parts, _canonical(self.city), self.state, zip5])


class LocationFlags(InputModel):
    physical: bool = True
    mailing: bool = True
    secondary: bool = False
    private: bool = False


class AddAddressInput(LocationFlags):
    household_id: str
    expected_version: Version
    address: AddressInput
    start_date: Day


class MoveHouseholdInput(InputModel):
    """Move day = first day at the new address; the old location ends the day before."""

    household_id: str
    expected_version: Version
    address: AddressInput
    move_date: Day
    mailing: bool = True
    private: bool = False


class EndAddressInput(InputModel):
    household_id: str
    address_id: str
    expected_version: Version
    end_date: Day


class Address(NodeMeta):
    number: str | None = None
    street: str | None = None
    tag: str | None = None
    apartment: str | None = None
    po_box: str | None = None
    city: str
    state: str
    zip: str
    normalized_key: str


class Location(GraphModel):
    """An address as one household has it (the LOCATED_AT edge)."""

    address: Address
    physical: bool
    mailing: bool
    secondary: bool
    private: bool
    start_date: date
    end_date: date | None = None
