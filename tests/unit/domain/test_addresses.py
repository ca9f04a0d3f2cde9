from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from graph_service.domain.addresses import AddressInput, search_prefix


def make(**overrides: Any) -> AddressInput:
    values: dict[str, Any] = {
        "number": "12",
        "street": "Main",
        "tag": "St",
        "city": "Springfield",
        "state": "MN",
        "zip": "55401",
    }
    return AddressInput.model_validate({**values, **overrides})


def test_spellings_of_one_place_share_a_normalized_key() -> None:
    spellings = [
        make(),
        make(street=" main ", tag="Street", city="SPRINGFIELD", state="mn"),
        make(street="Main Street", tag=None, zip="55401-1234"),
        make(street="Main St.", tag=None),
    ]
    keys = {address.normalized_key() for address in spellings}
    assert keys == {"12|MAIN|ST||SPRINGFIELD|MN|55401"}


def test_directionals_are_abbreviated() -> None:
    assert make(street="North Main").normalized_key() == make(street="N. Main").normalized_key()
    assert make(street="North Main").normalized_key() != make().normalized_key()


def test_a_street_named_like_a_tag_keeps_its_name() -> None:
    assert make(street="Court", tag=None).normalized_key().split("|")[1:3] == ["COURT", ""]


def test_apartment_spellings_match_and_differ_from_the_building() -> None:
    assert make(apartment="Apt. 4b").normalized_key() == make(apartment="#4B").normalized_key()
    assert make(apartment="Unit 4B").normalized_key() != make().normalized_key()


def test_po_box_key_ignores_street_fields() -> None:
    box = AddressInput.model_validate(
        {"poBox": "77", "city": "Springfield", "state": "MN", "zip": "55401"}
    )
    assert box.normalized_key() == "POBOX|77|SPRINGFIELD|MN|55401"


@pytest.mark.parametrize(
    ("field", "value"), [("state", "ZZ"), ("zip", "5540"), ("zip", "55401-12"), ("city", "  ")]
)
def test_invalid_state_zip_and_city_are_refused(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as refused:
        make(**{field: value})
    assert refused.value.errors()[0]["loc"] == (field,)


def test_street_address_needs_a_number_or_a_po_box() -> None:
    with pytest.raises(ValidationError, match="PO box"):
        make(number=None)


def test_search_prefix_normalizes_a_trailing_tag_only() -> None:
    assert search_prefix("12 main street") == "12 MAIN ST"
    assert search_prefix("12 Court Street") == "12 COURT ST"
    assert search_prefix("P.O. Box 7") == "PO BOX 7"
    assert search_prefix("Main Street") == "MAIN ST"
    assert search_prefix("12 Court") == "12 COURT"
    assert search_prefix("12 north main") == "12 N MAIN"
