from __future__ import annotations

import pytest

from graph_service.domain.phones import normalize_phone


@pytest.mark.parametrize(
    "written", ["(612) 555-0142", "612.555.0142", "+1 612 555 0142", "1-612-555-0142"]
)
def test_us_numbers_normalize_to_e164(written: str) -> None:
    assert normalize_phone(written) == "+16125550142"


def test_international_numbers_keep_their_country() -> None:
    assert normalize_phone("+44 20 7946 0958") == "+442079460958"


@pytest.mark.parametrize("written", ["555-01", "not a phone", "+1 000 000 0000", ""])
def test_invalid_numbers_are_refused(written: str) -> None:
    with pytest.raises(ValueError, match="phone number"):
        normalize_phone(written)
