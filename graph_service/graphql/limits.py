"""Limits on what one request may ask for: depth, aliases, tokens and estimated cost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)
from graphql.validation import ASTValidationRule
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, SchemaExtension
from strawberry.extensions.max_aliases import create_validator as aliases_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 3000
MAX_COST = 10_000
MAX_PAGE_SIZE = 100


def estimated_cost(
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    multiplier: int = 1,
    seen: frozenset[str] = frozenset(),
) -> int:
    """Each field costs 1 per parent item; a paginated field multiplies what lies below it
    by its `first` (the page cap when `first` is a variable or absent)."""
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            total += multiplier
            child_multiplier = multiplier * _page_size(selection)
            total += estimated_cost(selection.selection_set, fragments, child_multiplier, seen)
        elif isinstance(selection, InlineFragmentNode):
            total += estimated_cost(selection.selection_set, fragments, multiplier, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:  # cycles are another rule's error
                total += estimated_cost(
                    fragment.selection_set, fragments, multiplier, seen | {name}
                )
    return total


def _page_size(field: FieldNode) -> int:
    for argument in field.arguments or ():
        if argument.name.value == "first":
            if isinstance(argument.value, IntValueNode):
                return max(1, min(int(argument.value.value), MAX_PAGE_SIZE))
            return MAX_PAGE_SIZE
    return 1


class CostLimitRule(ValidationRule):
    """Refuses operations whose estimated cost is above MAX_COST, before anything runs."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        context: ValidationContext = self.context
        fragments = {
            definition.name.value: definition
            for definition in context.document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        cost = estimated_cost(node.selection_set, fragments)
        if cost > MAX_COST:
            context.report_error(
                GraphQLError(
                    f"The query is too expensive (estimated cost {cost}, limit {MAX_COST}): "
                    "ask for fewer items per page or fewer nested fields.",
                    node,
                )
            )


# Built once, so every request validates with the very same rules and a validated document is
# found in the validation cache (a rule class made per request would never match).
_RULES: list[type[ASTValidationRule]] = [
    depth_validator(MAX_DEPTH, None),
    aliases_validator(MAX_ALIASES),
    CostLimitRule,
]


class LimitRules(AddValidationRules):
    """Depth, alias and cost limits as validation rules (so a cached document passed them)."""

    def __init__(self) -> None:
        super().__init__(_RULES)


def limit_extensions() -> list[Callable[[], SchemaExtension]]:
    """The schema extensions that enforce every limit above (fresh ones per operation)."""
    return [lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS), LimitRules]
