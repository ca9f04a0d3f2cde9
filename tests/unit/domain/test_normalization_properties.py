"""Properties of the normalizers: respelling never changes a key; overlap is symmetric."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from graph_service.domain.addresses import AddressInput
from graph_service.domain.people import name_key
from graph_service.domain.spans import holds_on, overlaps

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
dates = st.dates(date(2000, 1, 1), date(2040, 1, 1))
spans = st.tuples(dates, st.none() | dates).filter(lambda s: s[1] is None or s[0] <= s[1])


def _respell(text: str, upper: bool, pad: str) -> str:
    return f"{pad}{text.upper() if upper else text.title()}{pad}"


@given(number=words, street=words, city=words, upper=st.booleans(), pad=st.sampled_from(["", "  "]))
def test_case_and_spacing_never_change_the_address_key(
    number: str, street: str, city: str, upper: bool, pad: str
) -> None:
    plain = AddressInput(number=number, street=street, city=city, state="MN", zip="55401")
    respelled = AddressInput(
        number=_respell(number, upper, pad),
        street=_respell(street, upper, pad),
        city=_respell(city, upper, pad),
        state="mn",
        zip="55401",
    )
    assert plain.normalized_key() == respelled.normalized_key()


@given(name=st.text(min_size=1, max_size=30))
def test_name_key_is_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)


@given(first=spans, second=spans)
def test_overlap_is_symmetric(
    first: tuple[date, date | None], second: tuple[date, date | None]
) -> None:
    assert overlaps(*first, *second) == overlaps(*second, *first)


@given(span=spans, day=dates)
def test_a_span_overlaps_each_day_it_holds_on(span: tuple[date, date | None], day: date) -> None:
    assert holds_on(*span, day) == overlaps(*span, day, day)
