"""Each household mutation states its right and its targets once, in `household_write`: the
permission class comes from that declaration, so the two can no longer disagree."""

from __future__ import annotations

from graph_service.access.policy import Right
from graph_service.graphql.authorization import CanAdd, CanDelete, CanWrite
from graph_service.graphql.mutations.household_write import DECLARED
from graph_service.graphql.schema import schema

HOUSEHOLD_RIGHTS = {CanAdd: Right.ADD, CanWrite: Right.WRITE, CanDelete: Right.DELETE}


def _household_mutations() -> dict[str, Right]:
    mutation = schema.get_type_by_name("Mutation")
    assert mutation is not None
    found = {}
    for field in mutation.fields:  # type: ignore[union-attr]
        rights = [
            HOUSEHOLD_RIGHTS[rule] for rule in field.permission_classes if rule in HOUSEHOLD_RIGHTS
        ]
        if rights:
            assert len(rights) == 1, field.python_name
            found[field.python_name] = rights[0]
    return found


def test_every_household_mutation_is_declared_once_with_its_right() -> None:
    mutations = _household_mutations()
    assert len(mutations) == 22
    assert set(mutations) == set(DECLARED)
    assert {name: DECLARED[name].right for name in mutations} == mutations


def test_declared_targets_name_fields_of_the_input_model() -> None:
    for name, declaration in DECLARED.items():
        for target in declaration.targets:
            model = declaration.model
            for part in target.field.split("."):
                assert part in model.model_fields, f"{name}: {target.field}"
                annotation = model.model_fields[part].annotation
                inner = getattr(annotation, "__args__", (annotation,))[0]
                model = inner if isinstance(inner, type) else model
