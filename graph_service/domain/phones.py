"""Phone numbers: normalized to E.164 with the `phonenumbers` library, typed by use."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import phonenumbers
from pydantic import AfterValidator, Field

from graph_service.domain.base import GraphModel, InputModel, NodeMeta, Version
from graph_service.domain.date_range import Day

DEFAULT_REGION = "US"  # a district's numbers are written locally, "(555) 010-2030"


class PhoneType(StrEnum):
    HOME = "home"
    MOBILE = "mobile"
    WORK = "work"
    FAX = "fax"
    OTHER = "other"


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """The number in E.164 (+15550102030); ValueError when it is not a real number."""
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as error:
        raise ValueError(f"is not a phone number ({error})") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError("is not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


PhoneNumber = Annotated[str, Field(max_length=40), AfterValidator(normalize_phone)]


class PhoneInput(InputModel):
    number: PhoneNumber
    type: PhoneType = PhoneType.HOME
    sms_capable: bool = False
    private: bool = False


class AddPhoneInput(PhoneInput):
    """A phone for a household or a person (exactly one owner); lowest priority first."""

    owner_id: str
    expected_version: Version
    start_date: Day | None = None
    priority: Annotated[int, Field(ge=1, le=99)] | None = None


class ReprioritizePhonesInput(InputModel):
    """The owner's current phones, listed in the order they should be called."""

    owner_id: str
    expected_version: Version
    phone_ids: Annotated[list[str], Field(min_length=1, max_length=50)]


class EndPhoneInput(InputModel):
    owner_id: str
    phone_id: str
    expected_version: Version
    end_date: Day


class Phone(NodeMeta):
    number: str
    type: PhoneType
    sms_capable: bool


class PhoneLink(GraphModel):
    """A phone as one owner has it: priority and dates live on the HAS_PHONE edge."""

    phone: Phone
    priority: int
    private: bool
    start_date: date
    end_date: date | None = None
