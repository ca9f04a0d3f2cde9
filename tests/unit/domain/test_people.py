from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from graph_service.domain.base import validated
from graph_service.domain.people import CreatePersonInput, name_key
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
