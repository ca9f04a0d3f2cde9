from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_service.access.policy import load_policy
from graph_service.clock import SystemClock
from graph_service.domain.relationship_types import RelationshipTypeCatalogue, default_catalogue
from graph_service.errors import BadInput
from graph_service.services.context import UseCaseContext
from graph_service.services.relationships import relationship_types
from graph_service.services.runtime import Runtime


def test_reciprocals_run_both_ways() -> None:
    catalogue = default_catalogue()
    assert catalogue.reciprocal("Father") == "Child"
    assert catalogue.reciprocal("Grandparent") == "Grandchild"
    assert catalogue.reciprocal("Grandchild") == "Grandparent"
    assert catalogue.reciprocal("Sibling") == "Sibling"


def test_reverse_keeps_the_stored_type_when_it_fits() -> None:
    catalogue = default_catalogue()
    assert catalogue.reverse_of("Child", stored="Mother") == "Mother"
    assert catalogue.reverse_of("Child", stored="Sibling") == "Parent"


def test_unknown_type_is_bad_input() -> None:
    with pytest.raises(BadInput, match="Nemesis"):
        default_catalogue().require("Nemesis")


def test_a_district_catalogue_file_replaces_the_packaged_one(tmp_path: Path) -> None:
    path = tmp_path / "types.json"
    path.write_text(json.dumps({"version": 7, "types": [{"type": "Tutor", "reciprocal": "Pupil"}]}))
    catalogue = RelationshipTypeCatalogue.from_file(path)
    assert (catalogue.version, catalogue.types) == (7, ["Pupil", "Tutor"])


def test_the_catalogue_offers_each_type_with_its_reciprocal() -> None:
    runtime = Runtime(
        driver=None,  # type: ignore[arg-type]  # the picker list needs no database
        database="neo4j",
        policy=load_policy(),
        clock=SystemClock(),
    )
    ctx = UseCaseContext(runtime, actor_id="staff-1")
    types = relationship_types(ctx)
    assert types["Father"] == "Child"
    assert types["Child"] == "Parent"
    assert all(types[reciprocal] for reciprocal in types.values())
