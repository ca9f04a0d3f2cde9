"""Mutation inputs, generated from the domain's pydantic input models so that the API and
the use cases validate against one definition. Values pass to the use cases as plain data
(`ids.input_data`), where pydantic checks them with the service clock."""

from __future__ import annotations

from strawberry.experimental.pydantic import input as from_model

from graph_service.domain import (
    addresses,
    enrollments,
    households,
    people,
    person_merges,
    phones,
    relationships,
)
from graph_service.graphql.types import contact, person  # noqa: F401 - registers the enums


@from_model(model=addresses.AddressInput, all_fields=True, name="AddressInput")
class AddressInput:
    pass


@from_model(model=households.FirstAddress, all_fields=True, name="FirstAddressInput")
class FirstAddressInput:
    pass


@from_model(model=phones.PhoneInput, all_fields=True, name="PhoneInput")
class PhoneInput:
    pass


@from_model(model=households.FirstMember, all_fields=True, name="FirstMemberInput")
class FirstMemberInput:
    pass


@from_model(model=households.HouseholdFields, all_fields=True, name="HouseholdFieldsInput")
class HouseholdFieldsInput:
    pass


@from_model(model=households.CreateHouseholdInput, all_fields=True, name="CreateHouseholdInput")
class CreateHouseholdInput:
    pass


@from_model(model=households.EditHouseholdInput, all_fields=True, name="EditHouseholdInput")
class EditHouseholdInput:
    pass


@from_model(model=households.AddMemberInput, all_fields=True, name="AddMemberInput")
class AddMemberInput:
    pass


@from_model(model=households.EndMembershipInput, all_fields=True, name="EndMembershipInput")
class EndMembershipInput:
    pass


@from_model(model=households.SplitHouseholdInput, all_fields=True, name="SplitHouseholdInput")
class SplitHouseholdInput:
    pass


@from_model(model=addresses.AddAddressInput, all_fields=True, name="AddAddressInput")
class AddAddressInput:
    pass


@from_model(model=addresses.MoveHouseholdInput, all_fields=True, name="MoveHouseholdInput")
class MoveHouseholdInput:
    pass


@from_model(model=addresses.EndAddressInput, all_fields=True, name="EndAddressInput")
class EndAddressInput:
    pass


@from_model(model=phones.AddPhoneInput, all_fields=True, name="AddPhoneInput")
class AddPhoneInput:
    pass


@from_model(model=phones.ReprioritizePhonesInput, all_fields=True, name="ReprioritizePhonesInput")
class ReprioritizePhonesInput:
    pass


@from_model(model=phones.EndPhoneInput, all_fields=True, name="EndPhoneInput")
class EndPhoneInput:
    pass


@from_model(model=people.CreatePersonInput, all_fields=True, name="CreatePersonInput")
class CreatePersonInput:
    pass


@from_model(model=people.EditPersonInput, all_fields=True, name="EditPersonInput")
class EditPersonInput:
    pass


@from_model(model=relationships.SetRelationshipInput, all_fields=True, name="SetRelationshipInput")
class SetRelationshipInput:
    pass


@from_model(model=relationships.EndRelationshipInput, all_fields=True, name="EndRelationshipInput")
class EndRelationshipInput:
    pass


@from_model(
    model=relationships.ReorderEmergencyContactsInput,
    all_fields=True,
    name="ReorderEmergencyContactsInput",
)
class ReorderEmergencyContactsInput:
    pass


@from_model(model=enrollments.EnrolInput, all_fields=True, name="EnrolInput")
class EnrolInput:
    pass


@from_model(model=enrollments.EndEnrolmentInput, all_fields=True, name="EndEnrollmentInput")
class EndEnrollmentInput:
    pass


@from_model(model=person_merges.MergePersonsInput, all_fields=True, name="MergePeopleInput")
class MergePeopleInput:
    pass


@from_model(model=person_merges.UndoMergeInput, all_fields=True, name="UndoMergeInput")
class UndoMergeInput:
    pass
