"""CSV rows become the loader's rows with the domain's keys, or a RowError naming the field."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.addresses import AddressInput
from graph_service.seeding import csv_rows
from graph_service.seeding.csv_rows import RowError, graph_id

TODAY = date(2027, 6, 8)


def test_export_ids_map_to_the_same_graph_id_every_time() -> None:
    assert graph_id("person", "P1") == graph_id("person", " P1 ")
    assert graph_id("person", "P1") != graph_id("household", "P1")


def test_a_person_row_carries_the_name_keys_and_blank_cells_are_absent() -> None:
    row = csv_rows.person(
        {"id": "P1", "firstName": " Zoë ", "lastName": "O'Neil", "birthDate": "2012-03-02",
         "middleName": "", "gender": "F"},
        TODAY,
    )  # fmt: skip
    assert row["firstName"] == "Zoë"
    assert (row["firstNameKey"], row["lastNameKey"]) == ("zoe", "oneil")
    assert row["middleName"] is None
    assert row["birthDate"] == date(2012, 3, 2)
    assert row["gender"] == "F"


def test_an_address_row_is_keyed_like_the_use_cases_key_it() -> None:
    node, edge = csv_rows.address(
        {"householdId": "H1", "number": "12", "street": "Main Street", "city": "Springfield",
         "state": "il", "zip": "62701", "startDate": "2020-08-01"},
        TODAY,
    )  # fmt: skip
    expected = AddressInput(number="12", street="Main", tag="St", city="Springfield",
                            state="IL", zip="62701").normalized_key()  # fmt: skip
    assert node["normalizedKey"] == edge["addressKey"] == expected
    assert node["streetKey"] == "12 MAIN ST"
    assert edge["physical"] is True


def test_a_phone_row_is_stored_in_e164() -> None:
    node, edge, household = csv_rows.phone(
        {"personId": "P1", "number": "(217) 555-0101", "startDate": "2020-08-01"}, TODAY
    )
    assert node["number"] == edge["number"] == "+12175550101"
    assert not household


@pytest.mark.parametrize(
    ("parser", "raw", "field"),
    [
        (csv_rows.person, {"id": "P1", "firstName": "Ana", "birthDate": "2012-01-01"}, "lastName"),
        (csv_rows.person, {"firstName": "Ana", "lastName": "Lee"}, "id"),
        (
            csv_rows.membership,
            {
                "personId": "P1",
                "householdId": "H1",
                "startDate": "2020-01-02",
                "endDate": "2020-01-01",
            },
            "endDate",
        ),
        (
            csv_rows.relationship,
            {"personId": "P1", "relatedPersonId": "P2", "type": "Boss", "startDate": "2020-01-01"},
            "type",
        ),
        (
            csv_rows.enrolment,
            {"personId": "P1", "schoolId": "s", "grade": "13", "startDate": "2020-01-01"},
            "grade",
        ),
        (
            csv_rows.staff,
            {
                "employeeId": "E1",
                "name": "Jo",
                "roleId": "r",
                "locationId": "l",
                "hiredAt": "2026-08-01T08:00:00",
            },
            "hiredAt",
        ),
    ],
)
def test_a_bad_row_names_the_field(
    parser: csv_rows.Parser, raw: dict[str, str | None], field: str
) -> None:
    with pytest.raises(RowError, match=field):
        parser(raw, TODAY)
