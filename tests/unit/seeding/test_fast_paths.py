"""The generator's shortcuts give what the slow, obvious computations give: a changed row
would break the prefix property between a district generated before and after them."""

from __future__ import annotations

import hashlib
import random
import uuid

import pytest

from graph_service.db.addresses import street_key
from graph_service.domain.addresses import AddressInput
from graph_service.domain.phones import normalize_phone
from seeds import names
from seeds.builder import box_address, is_valid_us_number, street_address
from seeds.district import Ids
from seeds.seen import BITS, HASHES, Seen, positions


def test_ids_are_the_uuid5_of_kind_and_count() -> None:
    ids = Ids(7)
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "graph-service/demo-district/7")
    made = [(kind, ids.new(kind)) for kind in ("person", "member_of", "person") * 300]
    counts: dict[str, int] = {}
    for kind, made_id in made:
        counts[kind] = counts.get(kind, 0) + 1
        assert made_id == str(uuid.uuid5(namespace, f"{kind}/{counts[kind]}"))


def test_phone_validity_is_what_normalize_phone_says_for_every_prefix() -> None:
    rng = random.Random(1)
    for area in names.AREA_CODES:
        for exchange in range(201, 999):
            number = f"+1{area}{exchange}{rng.randrange(10000):04d}"
            try:
                expected = normalize_phone(f"({area}) {exchange}-{number[8:]}") == number
            except ValueError:
                expected = False
            assert is_valid_us_number(number) == expected, number
    # Every exchange the generator draws is valid in these area codes; an invalid one is not.
    with pytest.raises(ValueError, match="not a valid phone number"):
        normalize_phone("(217) 111-1234")
    assert not is_valid_us_number("+12171111234")


@pytest.mark.parametrize("street", range(len(names.STREETS)))
def test_a_generated_address_is_what_the_domain_makes_of_it(street: int) -> None:
    name, tag = names.STREETS[street]
    for number, unit in ((100, None), (9998, None), (10000, "Apt 1A"), (10094, "Apt 9H")):
        given = AddressInput(
            number=str(number), street=name, tag=tag or None, apartment=unit, city=names.CITY,
            state=names.STATE, zip=names.ZIPS[street % len(names.ZIPS)],
        )  # fmt: skip
        key, row = street_address(street, number, unit)
        assert key == given.normalized_key()
        assert row["streetKey"] == street_key(given)
        assert row == {**row, **given.model_dump(by_alias=True)}
    box = AddressInput(po_box="4471", city=names.CITY, state=names.STATE, zip=names.ZIPS[0])
    assert box_address(0, "4471")[0] == box.normalized_key()


def _positions_as_first_written(key: str) -> list[int]:
    digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
    first = int.from_bytes(digest[:8], "little")
    step = int.from_bytes(digest[8:], "little") | 1
    return [(first + i * step) & (BITS - 1) for i in range(HASHES)]


def test_the_bloom_filter_sets_the_bits_it_always_set() -> None:
    seen = Seen()
    for n in range(2000):
        key = f"person|ANN|LEE|{n}"
        assert list(positions(key)) == _positions_as_first_written(key)
        assert key not in seen
        assert seen.add_new(key)
        assert key in seen
        assert not seen.add_new(key)
