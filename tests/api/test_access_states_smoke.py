from __future__ import annotations

from typing import Any

import pytest

from graph_service.testing.world import World

MY_ACCESS = "{ myAccess { status rights track scope nextSteps } }"


@pytest.mark.parametrize(
    ("key", "status"),
    [
        ("lincoln_office", "active"),
        ("elm_office", "active"),
        ("lincoln_teacher", "active"),
        ("district", "active"),
        ("steward", "active"),
        ("pending", "pending"),
        ("expired", "expired"),
        ("revoked", "revoked"),
        ("departed", "revoked"),
        ("no_grant", "none"),
    ],
)
def test_demo_staff_are_in_their_access_states(as_staff: Any, key: str, status: str) -> None:
    data = as_staff(key).data(MY_ACCESS)
    assert data["myAccess"]["status"] == status, data


def test_household_page_for_an_office_professional(as_staff: Any, world: World) -> None:
    query = """
    query($id: ID!) { household(id: $id) { name members { person { firstName
      householdRelationships { label } nonHouseholdRelationships { label otherFirstName
        person { firstName } } } } addresses { address { street } } phones { phone { number } } } }
    """
    data = as_staff("lincoln_office").data(query, id=world.households["lincoln"])
    print(data)
    assert data["household"]["name"] == "Rivera (Main St)"
