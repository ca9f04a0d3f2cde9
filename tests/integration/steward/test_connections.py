"""How two people are connected: shortest paths over relationships and shared households."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.steward import Connection, EdgeKind
from graph_service.errors import BadInput, NotFound
from graph_service.services import steward
from graph_service.services.steward_gate import DistrictView
from tests.integration.steward.conftest import District

JUNE = date(2026, 6, 1)


def _walk(connection: Connection) -> list[list[str]]:
    return [[step.description for step in path.steps] for path in connection.paths]


async def test_people_connected_through_a_relationship_and_a_shared_household(
    view: DistrictView, district: District
) -> None:
    # In June Bob Lee (Cal's parent) was still a secondary member of the Diaz household.
    connection = await steward.connection_between(
        view, district.person("Cal Lee"), district.person("Eli Diaz"), as_of=JUNE
    )

    assert connection.length == 3
    assert _walk(connection) == [
        [
            "Bob Lee is Cal Lee's Parent",
            "Bob Lee is a member of Diaz household",
            "Eli Diaz is a member of Diaz household",
        ]
    ]
    steps = connection.paths[0].steps
    assert [step.edge.kind for step in steps] == [
        EdgeKind.RELATED_TO,
        EdgeKind.MEMBER_OF,
        EdgeKind.MEMBER_OF,
    ]
    assert [step.source.label for step in steps] == ["Cal Lee", "Bob Lee", "Diaz household"]
    assert steps[-1].target.id == district.person("Eli Diaz")


async def test_no_path_once_the_shared_membership_has_ended(
    view: DistrictView, district: District
) -> None:
    connection = await steward.connection_between(
        view, district.person("Cal Lee"), district.person("Eli Diaz")
    )

    assert connection.paths == []
    assert connection.length is None
    assert connection.from_person.label == "Cal Lee"
    assert connection.to_person.label == "Eli Diaz"


async def test_a_path_longer_than_max_length_is_not_returned(
    view: DistrictView, district: District
) -> None:
    connection = await steward.connection_between(
        view, district.person("Cal Lee"), district.person("Eli Diaz"), max_length=2, as_of=JUNE
    )

    assert connection.paths == []


async def test_household_members_connect_through_their_household(
    view: DistrictView, district: District
) -> None:
    connection = await steward.connection_between(
        view, district.person("Quinn Quill"), district.person("Xia Xu")
    )

    assert _walk(connection) == [
        ["Quinn Quill is a member of Quill household", "Xia Xu is a member of Quill household"]
    ]


async def test_every_shortest_path_is_returned(view: DistrictView, district: District) -> None:
    # Gail and Glen Gray share their household and are both Gus's guardians: two 2-hop paths.
    connection = await steward.connection_between(
        view, district.person("Gail Gray"), district.person("Glen Gray")
    )

    assert sorted(_walk(connection)) == [
        ["Gail Gray is Gus Gray's Legal Guardian", "Glen Gray is Gus Gray's Legal Guardian"],
        ["Gail Gray is a member of Gray household", "Glen Gray is a member of Gray household"],
    ]


async def test_unknown_or_merged_people_are_not_found(
    view: DistrictView, district: District
) -> None:
    for other in ("no-such-id", district.person("Wes Wong merged")):
        with pytest.raises(NotFound):
            await steward.connection_between(view, district.person("Wes Wong"), other)


async def test_a_path_never_runs_through_a_merged_record(
    view: DistrictView, district: District
) -> None:
    # The merged Wes Wong still has a membership of the Lee household; it is no bridge.
    connection = await steward.connection_between(
        view, district.person("Wes Wong"), district.person("Cal Lee")
    )

    assert connection.paths == []


@pytest.mark.parametrize("max_length", [0, 7])
async def test_max_length_outside_its_range_is_refused(
    view: DistrictView, district: District, max_length: int
) -> None:
    with pytest.raises(BadInput) as refused:
        await steward.connection_between(
            view, district.person("Ann Lee"), district.person("Bob Lee"), max_length=max_length
        )

    assert refused.value.field == "maxLength"


async def test_a_person_and_themself_is_refused(view: DistrictView, district: District) -> None:
    with pytest.raises(BadInput) as refused:
        await steward.connection_between(
            view, district.person("Ann Lee"), district.person("Ann Lee")
        )

    assert refused.value.field == "toPersonId"
