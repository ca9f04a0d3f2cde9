"""The one table of searches: for each way to search, its compiled statement
(`cypher/read/roots/<root>.cypher`), the kind it finds, its keyset order and how the term
typed becomes the statement's parameters (a bad term names the field the client sent)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph_service.domain.addresses import search_prefix
from graph_service.domain.people import name_key
from graph_service.domain.phones import normalize_phone
from graph_service.errors import BadInput

HOUSEHOLD_ORDER = ("afterKey", "afterId")  # (name key, id)
PERSON_ORDER = ("afterLast", "afterFirst", "afterId")  # (last name key, first name key, id)
# What separates a school listing's key parts (school id, name key, household id): the same
# character as `cypher/fragments/list_household_at_schools`, which writes the keys. It sorts
# below every character a name key holds, so the keys' order is the searches' (nameKey, id).
LISTING_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class Search:
    root: str
    kind: str
    cursor_keys: tuple[str, ...]
    parameters: Callable[[Any], dict[str, Any]]


def _name_prefix(field: str) -> Callable[[Any], str]:
    def key(text: Any) -> str:
        found = name_key(str(text))
        if not found:
            raise BadInput(field, "type at least one letter or digit to search")
        return found

    return key


def _address(text: Any) -> dict[str, Any]:
    key = search_prefix(str(text))
    if not key:
        raise BadInput("by.addressPrefix", "type the start of an address to search")
    # A street name begins after a space in the key ("12 MAIN ST"), never mid-word.
    return {"prefix": key, "streetName": f" {key}"}


def _phone(text: Any) -> dict[str, Any]:
    try:
        return {"number": normalize_phone(str(text))}
    except ValueError as error:
        raise BadInput("by.phone", str(error)) from None


def _birth_date(day: Any) -> dict[str, Any]:
    if not isinstance(day, date):
        raise BadInput("by.birthDate", "give a date")
    return {"birthDate": day}


_household_name = _name_prefix("by.namePrefix")
_member_name = _name_prefix("by.memberLastName")
_last_name = _name_prefix("by.lastName")

# Keyed by the search input's field (Python name); exactly one is given per request.
HOUSEHOLD_SEARCHES: dict[str, Search] = {
    "name_prefix": Search(
        "households_by_name", "Household", HOUSEHOLD_ORDER,
        lambda text: {"prefix": _household_name(text), "listingSeparator": LISTING_SEPARATOR},
    ),
    "address_prefix": Search("households_by_address", "Household", HOUSEHOLD_ORDER, _address),
    "phone": Search("households_by_phone", "Household", HOUSEHOLD_ORDER, _phone),
    "member_last_name": Search(
        "households_by_member_name", "Household", HOUSEHOLD_ORDER,
        lambda text: {"lastPrefix": _member_name(text), "firstPrefix": ""},
    ),
}  # fmt: skip
PERSON_SEARCHES: dict[str, Search] = {
    "last_name": Search(
        "people_by_name", "Person", PERSON_ORDER,
        lambda text: {"lastPrefix": _last_name(text), "firstPrefix": ""},
    ),
    "birth_date": Search("people_by_birth_date", "Person", PERSON_ORDER, _birth_date),
    "student_number": Search(
        "people_by_student_number", "Person", PERSON_ORDER,
        lambda text: {"studentNumber": str(text).strip()},
    ),
}  # fmt: skip


def chosen(searches: dict[str, Search], terms: dict[str, Any]) -> tuple[Search, Any]:
    """The one search that `terms` (the search input's given fields) names, and its term."""
    for field, term in terms.items():
        if field in searches and term is not None:
            return searches[field], term
    raise BadInput("by", "give one search term")
