"""Natural-key ids: plain uuid5 values, the same whichever load computes them."""

from __future__ import annotations

import uuid

import pytest

from graph_service.seeding.natural_ids import NATURAL_NAMESPACE, address_id, natural_id, phone_id


@pytest.mark.parametrize(
    "parts", [("address", "12|MAIN|ST||SPRINGFIELD|IL|62701"), ("phone", "+12175550101"), ("é",)]
)
def test_a_natural_id_is_the_uuid5_of_its_parts(parts: tuple[str, ...]) -> None:
    assert natural_id(*parts) == str(uuid.uuid5(NATURAL_NAMESPACE, "|".join(parts)))


def test_the_csv_import_and_the_demo_agree_on_address_and_phone_ids() -> None:
    # The ids the CSV import wrote before natural_ids existed (its `_edge_id`).
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "graph-service/csv-import")
    assert address_id("K") == str(uuid.uuid5(namespace, "address|K"))
    assert phone_id("+12175550101") == str(uuid.uuid5(namespace, "phone|+12175550101"))
