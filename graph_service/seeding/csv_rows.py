"""One CSV row of a district export, validated with the domain's models and turned into the
row the bulk loader writes (the same properties and derived keys the use cases write).

The export's own ids (people, households) become graph ids through uuid5, so importing the
same files again finds the same nodes; edge ids derive from what identifies the edge.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from graph_service.access.events import AccessEventIn, EventType
from graph_service.db.addresses import street_key
from graph_service.domain.addresses import AddressInput, LocationFlags
from graph_service.domain.base import InputModel, check_date_order
from graph_service.domain.date_range import Day, Instant
from graph_service.domain.enrollments import EnrolInput
from graph_service.domain.households import HouseholdFields
from graph_service.domain.people import PersonFields, name_key
from graph_service.domain.phones import PhoneInput
from graph_service.domain.relationship_types import default_catalogue
from graph_service.domain.relationships import Priority, SetRelationshipInput
from graph_service.errors import BadInput
from graph_service.seeding.natural_ids import NATURAL_NAMESPACE, address_id, phone_id

IMPORT_NAMESPACE = NATURAL_NAMESPACE
Row = dict[str, Any]


class RowError(ValueError):
    """Why a row was refused, for the person fixing the file."""


def graph_id(kind: str, external: str) -> str:
    """The node id for the export's `external` id of a person or household."""
    return str(uuid.uuid5(IMPORT_NAMESPACE, f"{kind}:{external.strip()}"))


def _edge_id(*parts: object) -> str:
    return str(uuid.uuid5(IMPORT_NAMESPACE, "|".join(str(p) for p in parts)))


def _clean(raw: Mapping[str, str | None]) -> dict[str, str]:
    """Blank cells are absent (so model defaults apply), the rest trimmed."""
    return {k: v.strip() for k, v in raw.items() if k and v is not None and v.strip()}


def _validate(model: type[BaseModel], values: Mapping[str, Any], today: date) -> Any:
    try:
        return model.model_validate(values, context={"today": today})
    except ValidationError as error:
        raise RowError(_reasons(error)) from None
    except BadInput as error:
        raise RowError(f"{error.field}: {error.message}") from None


def _reasons(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "row"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def _required(values: Mapping[str, str], *names: str) -> None:
    missing = [name for name in names if not values.get(name)]
    if missing:
        raise RowError(", ".join(f"{name}: is required" for name in missing))


class _Dated(InputModel):
    start_date: Day
    end_date: Day | None = None

    def check(self) -> None:
        try:
            check_date_order(self.start_date, self.end_date)
        except BadInput as error:
            raise RowError(f"{error.field}: {error.message}") from None


class MembershipRow(_Dated):
    person_id: str
    household_id: str
    secondary: bool = False
    private: bool = False


class LocationRow(_Dated, LocationFlags):
    household_id: str


class PhoneLinkRow(PhoneInput):
    household_id: str | None = None
    person_id: str | None = None
    priority: Priority = 1
    start_date: Day
    end_date: Day | None = None


class StaffRow(BaseModel):
    employee_id: str = Field(alias="employeeId", min_length=1, max_length=64)
    name: str = Field(min_length=1)
    email: str | None = None
    role_id: str = Field(alias="roleId", min_length=1)
    location_id: str = Field(alias="locationId", min_length=1)
    hired_at: Instant = Field(alias="hiredAt")


def person(raw: Mapping[str, str | None], today: date) -> Row:
    values = _clean(raw)
    _required(values, "id")
    external = values.pop("id")
    fields: PersonFields = _validate(PersonFields, values, today)
    return {
        "id": graph_id("person", external), **fields.model_dump(by_alias=True, mode="python"),
        "gender": fields.gender.value, "firstNameKey": name_key(fields.first_name),
        "lastNameKey": name_key(fields.last_name),
    }  # fmt: skip


def household(raw: Mapping[str, str | None], today: date) -> Row:
    values = _clean(raw)
    _required(values, "id")
    external, school = values.pop("id"), values.pop("createdAtSchoolId", None)
    fields: HouseholdFields = _validate(HouseholdFields, values, today)
    return {
        "id": graph_id("household", external), "name": fields.name,
        "nameKey": name_key(fields.name), "comments": fields.comments, "private": fields.private,
        "_school": school,
    }  # fmt: skip


def membership(raw: Mapping[str, str | None], today: date) -> Row:
    row: MembershipRow = _validate(MembershipRow, _clean(raw), today)
    row.check()
    person_id, household_id = (
        graph_id("person", row.person_id),
        graph_id("household", row.household_id),
    )
    return {
        "id": _edge_id("member_of", person_id, household_id, row.start_date),
        "personId": person_id, "householdId": household_id, "startDate": row.start_date,
        "endDate": row.end_date, "secondary": row.secondary, "private": row.private,
    }  # fmt: skip


def address(raw: Mapping[str, str | None], today: date) -> tuple[Row, Row]:
    """The Address node row and the household's LOCATED_AT row."""
    values = _clean(raw)
    place_fields = {"number", "street", "tag", "apartment", "poBox", "city", "state", "zip"}
    place: AddressInput = _validate(
        AddressInput, {k: v for k, v in values.items() if k in place_fields}, today
    )
    located: LocationRow = _validate(
        LocationRow, {k: v for k, v in values.items() if k not in place_fields}, today
    )
    located.check()
    key, household_id = place.normalized_key(), graph_id("household", located.household_id)
    node = {
        "id": address_id(key), "normalizedKey": key, "streetKey": street_key(place),
        **place.model_dump(by_alias=True),
    }  # fmt: skip
    edge = {
        "id": _edge_id("located_at", household_id, key, located.start_date),
        "householdId": household_id, "addressKey": key, "startDate": located.start_date,
        "endDate": located.end_date, "physical": located.physical, "mailing": located.mailing,
        "secondary": located.secondary, "private": located.private,
    }  # fmt: skip
    return node, edge


def phone(raw: Mapping[str, str | None], today: date) -> tuple[Row, Row, bool]:
    """The Phone node row, the HAS_PHONE row, and whether the owner is a household."""
    row: PhoneLinkRow = _validate(PhoneLinkRow, _clean(raw), today)
    if (row.household_id is None) == (row.person_id is None):
        raise RowError("householdId, personId: give exactly one owner")
    try:
        check_date_order(row.start_date, row.end_date)
    except BadInput as error:
        raise RowError(f"{error.field}: {error.message}") from None
    owner = (
        graph_id("household", row.household_id)
        if row.household_id is not None
        else graph_id("person", str(row.person_id))
    )
    node = {
        "id": phone_id(row.number), "number": row.number, "type": row.type.value,
        "smsCapable": row.sms_capable,
    }  # fmt: skip
    edge = {
        "id": _edge_id("has_phone", owner, row.number, row.start_date), "ownerId": owner,
        "number": row.number, "priority": row.priority, "private": row.private,
        "startDate": row.start_date, "endDate": row.end_date,
    }  # fmt: skip
    return node, edge, row.household_id is not None


def relationship(raw: Mapping[str, str | None], today: date) -> Row:
    row: SetRelationshipInput = _validate(SetRelationshipInput, _clean(raw), today)
    try:
        kind = default_catalogue().require(row.type)
    except BadInput as error:
        raise RowError(f"{error.field}: {error.message}") from None
    a, b = graph_id("person", row.person_id), graph_id("person", row.related_person_id)
    return {
        "id": _edge_id("related_to", a, b, row.start_date), "fromId": a, "toId": b,
        "type": kind, "guardian": row.guardian, "mailing": row.mailing, "portal": row.portal,
        "messenger": row.messenger, "emergencyPriority": row.emergency_priority,
        "livesWith": row.lives_with, "contactRestrictions": row.contact_restrictions,
        "private": row.private, "comments": row.comments, "startDate": row.start_date,
        "endDate": row.end_date,
    }  # fmt: skip


def enrolment(raw: Mapping[str, str | None], today: date) -> Row:
    row: EnrolInput = _validate(EnrolInput, _clean(raw), today)
    person_id = graph_id("person", row.person_id)
    return {
        "id": _edge_id("enrolled_at", person_id, row.school_id, row.start_date),
        "personId": person_id, "schoolId": row.school_id, "startDate": row.start_date,
        "endDate": row.end_date, "grade": row.grade.value,
    }  # fmt: skip


def staff(raw: Mapping[str, str | None], today: date) -> AccessEventIn:
    """A staff row is a hire, applied through the access services like any HR event."""
    row: StaffRow = _validate(StaffRow, _clean(raw), today)
    try:
        return AccessEventIn(
            type=EventType.HIRED, employee_id=row.employee_id, source="csv-import",
            occurred_at=row.hired_at, name=row.name, email=row.email, role_id=row.role_id,
            location_id=row.location_id,
        )  # fmt: skip
    except ValidationError as error:
        raise RowError(_reasons(error)) from None


Parser = Callable[[Mapping[str, str | None], date], Any]
