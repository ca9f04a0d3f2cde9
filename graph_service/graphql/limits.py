"""Limits on what one request may ask for: tokens, fragments, depth, aliases and estimated cost.

Every limit but the token count (a parse option) is checked on the parsed document before
validation, in time linear in the document's size: each fragment is measured once and its
measure reused wherever it is spread. Expanding spreads instead (as strawberry's depth and
alias limiters do) lets a 1 kB document whose fragments each spread the next twice take
2**levels steps, minutes of CPU with the event loop held. A refused document is never
validated; one within the limits is validated with graphql-core's rules.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import MaxTokensLimiter, SchemaExtension

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 3000
MAX_COST = 10_000
MAX_PAGE_SIZE = 100
MAX_FRAGMENTS = 50
MAX_FRAGMENT_SPREADS = 200
# Fields once fragments are expanded, however many items a page holds. graphql-core's
# "fields can be merged" rule compares same-named fields pairwise: 3,000 of them held a
# validation for 2.8 s, so the count is bounded before validation runs.
MAX_FIELDS = 1_000


@dataclass(frozen=True)
class Measure:
    """What a selection set asks for once every fragment in it is expanded.

    `depth` counts nested selection sets (introspection fields do not count, as GraphiQL's
    own introspection query is deeper than any page); `aliases` counts aliased fields;
    `cost` is the estimated cost for one parent item (it scales with the parent's count).
    """

    depth: int = 0
    aliases: int = 0
    cost: int = 0
    fields: int = 0


_NOTHING = Measure()


def document_limit_errors(document: DocumentNode) -> list[GraphQLError]:
    """The first limit the document breaks, as an error; none when it keeps them all."""
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    if len(fragments) > MAX_FRAGMENTS:
        return [
            GraphQLError(
                f"The document defines {len(fragments)} fragments, more than the "
                f"{MAX_FRAGMENTS} allowed: send fewer, larger fragments."
            )
        ]
    spreads = {
        id(definition): _spread_names(definition.selection_set)
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode | OperationDefinitionNode)
    }
    spread_count = sum(len(names) for names in spreads.values())
    if spread_count > MAX_FRAGMENT_SPREADS:
        return [
            GraphQLError(
                f"The document spreads fragments {spread_count} times, more than the "
                f"{MAX_FRAGMENT_SPREADS} allowed: spread each fragment where it is needed once."
            )
        ]
    measures = _measure_fragments(fragments, spreads)
    aliases = 0
    errors: list[GraphQLError] = []
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        measure = measure_selection_set(definition.selection_set, measures)
        aliases += measure.aliases
        name = definition.name.value if definition.name else "anonymous"
        if measure.depth > MAX_DEPTH:
            errors.append(
                GraphQLError(f"'{name}' exceeds maximum operation depth of {MAX_DEPTH}", definition)
            )
        elif measure.cost > MAX_COST:
            errors.append(_too_expensive(measure.cost, definition))
        elif measure.fields > MAX_FIELDS:
            errors.append(
                GraphQLError(
                    f"'{name}' selects {measure.fields} fields once fragments are expanded, "
                    f"more than the {MAX_FIELDS} allowed: ask for fewer fields.",
                    definition,
                )
            )
    if not errors and aliases > MAX_ALIASES:
        errors.append(GraphQLError(f"{aliases} aliases found. Allowed: {MAX_ALIASES}"))
    return errors[:1]


def _too_expensive(cost: int, node: Node) -> GraphQLError:
    shown = f"{cost}" if cost < 10 * MAX_COST else f"over {10 * MAX_COST}"
    return GraphQLError(
        f"The query is too expensive (estimated cost {shown}, limit {MAX_COST}): "
        "ask for fewer items per page or fewer nested fields.",
        node,
    )


def estimated_cost(
    selection_set: SelectionSetNode, fragments: Mapping[str, FragmentDefinitionNode]
) -> int:
    """Each field costs 1 per parent item; a paginated field multiplies what lies below it
    by its `first` (the page cap when `first` is a variable or absent)."""
    spreads = {
        id(fragment): _spread_names(fragment.selection_set) for fragment in fragments.values()
    }
    return measure_selection_set(selection_set, _measure_fragments(fragments, spreads)).cost


def measure_selection_set(
    selection_set: SelectionSetNode, fragments: Mapping[str, Measure]
) -> Measure:
    """The selection set's measure, its spreads read from `fragments` (a fragment missing
    there counts as nothing: unknown fragments and cycles are validation's errors).

    Without recursion: a document within the token limit can nest selection sets deeper
    than Python's stack allows.
    """
    measured: dict[int, Measure] = {}
    pending: list[tuple[SelectionSetNode, bool]] = [(selection_set, False)]
    while pending:
        node, children_done = pending.pop()
        if children_done:
            measured[id(node)] = _combine(node, measured, fragments)
            continue
        pending.append((node, True))
        pending.extend((child, False) for child in _child_sets(node))
    return measured[id(selection_set)]


def _combine(
    node: SelectionSetNode, measured: Mapping[int, Measure], fragments: Mapping[str, Measure]
) -> Measure:
    depth = aliases = cost = fields = 0
    for selection in node.selections:
        if isinstance(selection, FieldNode):
            below = measured[id(selection.selection_set)] if selection.selection_set else _NOTHING
            if selection.selection_set and not selection.name.value.startswith("__"):
                depth = max(depth, 1 + below.depth)
            aliases += (1 if selection.alias else 0) + below.aliases
            cost += 1 + _page_size(selection) * below.cost
            fields += 1 + below.fields
        else:
            if isinstance(selection, InlineFragmentNode):
                inner = measured[id(selection.selection_set)]
            elif isinstance(selection, FragmentSpreadNode):
                inner = fragments.get(selection.name.value, _NOTHING)
            else:
                continue
            depth = max(depth, inner.depth)
            aliases += inner.aliases
            cost += inner.cost
            fields += inner.fields
    return Measure(depth, aliases, cost, fields)


def _child_sets(node: SelectionSetNode) -> Iterator[SelectionSetNode]:
    for selection in node.selections:
        if isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
            yield selection.selection_set


def _spread_names(selection_set: SelectionSetNode) -> list[str]:
    names = []
    pending = [selection_set]
    while pending:
        node = pending.pop()
        for selection in node.selections:
            if isinstance(selection, FragmentSpreadNode):
                names.append(selection.name.value)
        pending.extend(_child_sets(node))
    return names


def _measure_fragments(
    fragments: Mapping[str, FragmentDefinitionNode], spreads: Mapping[int, list[str]]
) -> dict[str, Measure]:
    """Each fragment measured once, after the fragments it spreads (a depth-first walk of the
    spread graph, without recursion; a spread back into a fragment being measured is a
    cycle, which validation refuses, and counts as nothing here)."""
    measures: dict[str, Measure] = {}
    started: set[str] = set()
    for root in fragments:
        if root in started:
            continue
        started.add(root)
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(spreads[id(fragments[root])]))]
        while stack:
            name, remaining = stack[-1]
            following = next((n for n in remaining if n in fragments and n not in started), None)
            if following is not None:
                started.add(following)
                stack.append((following, iter(spreads[id(fragments[following])])))
                continue
            stack.pop()
            measures[name] = measure_selection_set(fragments[name].selection_set, measures)
    return measures


def _page_size(field: FieldNode) -> int:
    for argument in field.arguments or ():
        if argument.name.value == "first":
            if isinstance(argument.value, IntValueNode):
                return max(1, min(int(argument.value.value), MAX_PAGE_SIZE))
            return MAX_PAGE_SIZE
    return 1


_REMEMBERED: OrderedDict[str, list[GraphQLError]] = OrderedDict()
_REMEMBER_AT_MOST = 256  # documents, as many as the parse and validation caches keep


def remembered_limit_errors(query: str, document: DocumentNode) -> list[GraphQLError]:
    """`document_limit_errors` of a small document, remembered by its text: the limits
    depend on nothing else, and a clerk's screens send the same few documents all day (the
    check walked every fragment of a page's document on every request)."""
    if query in _REMEMBERED:
        _REMEMBERED.move_to_end(query)
        return _REMEMBERED[query]
    errors = document_limit_errors(document)
    _REMEMBERED[query] = errors
    if len(_REMEMBERED) > _REMEMBER_AT_MOST:
        _REMEMBERED.popitem(last=False)
    return errors


def limit_extensions() -> list[Callable[[], SchemaExtension]]:
    """The extensions that enforce the limits at parse time (fresh ones per operation); the
    rest are checked before validation by `document_checks.CheckedDocument`."""
    return [lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS)]
