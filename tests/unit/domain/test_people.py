from __future__ import annotations

import re
from datetime import date

import pytest
from pydantic import ValidationError

from graph_service.domain.base import validated
from graph_service.domain.people import CreatePersonInput, IdentityKey, name_key
from graph_service.errors import BadInput


def test_name_key_ignores_case_accents_and_punctuation() -> None:
    assert name_key("Zoë  O'Neil") == name_key("zoe oneil") == "zoe oneil"


def test_names_are_trimmed_and_inner_spaces_collapsed() -> None:
    person = CreatePersonInput.model_validate({"firstName": "  Mary  Ann ", "lastName": "Lee"})
    assert person.first_name == "Mary Ann"


def test_birth_date_is_checked_against_the_given_today() -> None:
    data = {"firstName": "A", "lastName": "B", "birthDate": date(2026, 9, 2)}
    with pytest.raises(BadInput) as refused:
        validated(CreatePersonInput, data, today=date(2026, 9, 1))
    assert refused.value.field == "birthDate"
    assert validated(CreatePersonInput, data, today=date(2026, 9, 2)).birth_date


def test_every_invalid_field_is_named() -> None:
    with pytest.raises(BadInput) as refused:
        validated(
            CreatePersonInput,
            {"firstName": "", "lastName": " ", "gender": "Q"},
            today=date(2026, 9, 1),
        )
    assert {p.field for p in refused.value.problems} == {"firstName", "lastName", "gender"}


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        CreatePersonInput.model_validate({"firstName": "A", "lastName": "B", "nick": "x"})


def _key(first: str, last: str, born: date | None, number: str | None = None) -> list[str]:
    fields = CreatePersonInput(
        first_name=first, last_name=last, birth_date=born, student_number=number
    )
    return IdentityKey.of(fields).lock_keys()


def test_people_the_duplicate_check_pairs_share_a_lock_key() -> None:
    born = date(2015, 3, 4)
    assert _key("Zoë", "O'Neil", born) == _key(" zoe ", "ONEIL", born)
    assert set(_key("Ann", "Lee", born, "S-1")) >= set(_key("Bo", "Kim", None, "S-1"))


def test_different_people_take_different_lock_keys() -> None:
    born = date(2015, 3, 4)
    assert _key("Ann", "Lee", born) != _key("Ann", "Lee", date(2015, 3, 5))
    assert _key("Ann", "Lee", born) != _key("Lee", "Ann", born)  # first and last not swapped
    assert _key("Ann", "Lee", None) == []  # no birth date, no student number: nothing checked


def test_a_lock_key_holds_no_name() -> None:
    (key,) = _key("Ann", "Lee", date(2015, 3, 4))
    assert re.fullmatch(r"[0-9a-f]{64}", key)  # a SHA-256, not the name and birth date
