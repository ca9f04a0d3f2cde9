from __future__ import annotations

import pytest

from graph_service.domain.pages import decode_cursor, encode_cursor, page_limit
from graph_service.errors import BadInput


def test_cursor_round_trips_its_key() -> None:
    assert decode_cursor(encode_cursor(["lee", "id-1"]), 2) == ["lee", "id-1"]
    assert decode_cursor(None, 3) == ["", "", ""]


@pytest.mark.parametrize("cursor", ["%%%", encode_cursor(["only-one"]), "bnVsbA=="])
def test_foreign_cursors_are_bad_input(cursor: str) -> None:
    with pytest.raises(BadInput):
        decode_cursor(cursor, 2)


def test_page_size_must_be_between_one_and_the_cap() -> None:
    assert page_limit(100) == 100
    with pytest.raises(BadInput):
        page_limit(0)
