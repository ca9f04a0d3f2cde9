"""The relationship network around a person or household: what it reaches, as of a day,
bounded in size."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph_service.db.cypher import cypher_root
from graph_service.domain.steward import EdgeKind, Network, RecordKind
from graph_service.errors import BadInput, NotFound
from graph_service.services import steward
from graph_service.services.steward_gate import DistrictView
from tests.integration.steward.conftest import District


def _nodes(network: Network) -> list[tuple[str, int]]:
    return [(node.label, node.depth) for node in network.nodes]


def _edges(network: Network) -> set[tuple[str, str, str, str | None]]:
    label = {node.id: node.label for node in network.nodes}
    return {
        (edge.kind.value, label[edge.from_id], label[edge.to_id], edge.type)
        for edge in network.edges
    }


async def test_network_around_a_student_reaches_family_and_household(
    view: DistrictView, district: District
) -> None:
    network = await steward.relationship_network(view, district.person("Cal Lee"), depth=1)

    assert network.center.label == "Cal Lee"
    assert network.center.kind is RecordKind.PERSON
    assert _nodes(network) == [("Cal Lee", 0), ("Ann Lee", 1), ("Bob Lee", 1),
                               ("Lee household", 1)]  # fmt: skip
    assert _edges(network) == {
        ("relatedTo", "Ann Lee", "Cal Lee", "Parent"),
        ("relatedTo", "Bob Lee", "Cal Lee", "Parent"),
        ("memberOf", "Ann Lee", "Lee household", None),
        ("memberOf", "Bob Lee", "Lee household", None),
        ("memberOf", "Cal Lee", "Lee household", None),
    }
    assert not network.truncated
    related = [edge for edge in network.edges if edge.kind is EdgeKind.RELATED_TO]
    assert all(edge.guardian and edge.household for edge in related)


async def test_an_ended_membership_drops_out_of_the_network(
    view: DistrictView, district: District
) -> None:
    # Bob Lee was a secondary member of the Diaz household until 2026-06-30.
    in_june = await steward.relationship_network(
        view, district.person("Cal Lee"), depth=3, as_of=date(2026, 6, 1)
    )
    today = await steward.relationship_network(view, district.person("Cal Lee"), depth=3)

    assert ("Diaz household", 2) in _nodes(in_june)
    assert {("Dee Diaz", 3), ("Eli Diaz", 3)} <= set(_nodes(in_june))
    assert [label for label, _ in _nodes(today)] == ["Cal Lee", "Ann Lee", "Bob Lee",
                                                     "Lee household"]  # fmt: skip
    secondary = [edge for edge in in_june.edges if edge.secondary]
    assert [(edge.start_date, edge.end_date) for edge in secondary] == [
        (date(2026, 1, 1), date(2026, 6, 30))
    ]


async def test_a_relationship_outside_the_household_is_flagged_non_household(
    view: DistrictView, district: District
) -> None:
    network = await steward.relationship_network(view, district.person("Gus Gray"), depth=1)

    label = {node.id: node.label for node in network.nodes}
    household = {
        label[edge.from_id]: edge.household
        for edge in network.edges
        if edge.kind is EdgeKind.RELATED_TO
    }
    assert household == {"Gail Gray": True, "Glen Gray": True, "Gwen Hill": False}


async def test_network_is_truncated_to_the_nearest_nodes_within_the_limit(
    view: DistrictView, district: District
) -> None:
    household_id = district.households["Lee household"]

    cut = await steward.relationship_network(view, household_id, depth=1, limit=2)
    whole = await steward.relationship_network(view, household_id, depth=1, limit=4)

    assert cut.center.kind is RecordKind.HOUSEHOLD
    assert cut.truncated
    assert _nodes(cut) == [("Lee household", 0), ("Ann Lee", 1)]
    assert _edges(cut) == {("memberOf", "Ann Lee", "Lee household", None)}
    assert not whole.truncated
    assert len(whole.nodes) == 4


async def test_a_merged_record_is_not_a_centre_and_not_reached(
    view: DistrictView, district: District
) -> None:
    with pytest.raises(NotFound):
        await steward.relationship_network(view, district.person("Wes Wong merged"))

    survivor = await steward.relationship_network(view, district.person("Wes Wong"), depth=3)
    lees = await steward.relationship_network(view, district.households["Lee household"])
    assert _nodes(survivor) == [("Wes Wong", 0), ("Wong household", 1)]
    merged = district.person("Wes Wong merged")
    assert merged not in {node.id for node in lees.nodes}
    assert merged not in {edge.from_id for edge in lees.edges}


@pytest.mark.parametrize(
    ("depth", "limit", "field"), [(0, 10, "depth"), (4, 10, "depth"), (2, 0, "limit"),
                                  (2, 501, "limit")]
)  # fmt: skip
async def test_network_bounds_are_refused_outside_their_range(
    view: DistrictView, district: District, depth: int, limit: int, field: str
) -> None:
    with pytest.raises(BadInput) as refused:
        await steward.relationship_network(
            view, district.person("Cal Lee"), depth=depth, limit=limit
        )

    assert refused.value.field == field


async def test_unknown_centre_is_not_found(view: DistrictView, district: District) -> None:
    with pytest.raises(NotFound):
        await steward.relationship_network(view, "no-such-id")


def test_network_statements_differ_only_in_their_hop_bound() -> None:
    # A quantifier must be a literal, so the three depths are three files kept in step.
    folder = Path(cypher_root()) / "steward"
    texts = [(folder / f"network_depth_{n}.cypher").read_text() for n in (1, 2, 3)]
    normalized = [
        text.replace(f"{{0,{n}}}", "{0,N}").replace(f"at most {n} hop", "at most N hop")
        for n, text in zip((1, 2, 3), texts, strict=True)
    ]
    assert normalized[0] == normalized[1] == normalized[2]
