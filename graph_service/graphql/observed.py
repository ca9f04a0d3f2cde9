"""Naming a request's operation for its log line and metrics: the root field it selects.

The operation name a client gives is free text, so it names nothing here; the root fields
of a validated document are schema fields, a fixed set.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
    get_operation_ast,
)
from strawberry.extensions import SchemaExtension

from graph_service.observability.current_request import (
    NO_OPERATION,
    SEVERAL_OPERATIONS,
    current_request,
)


class ObservedOperation(SchemaExtension):
    """Records the operation's root field on the current request (only documents that passed
    validation reach execution, so only schema fields are recorded)."""

    def on_execute(self) -> Iterator[None]:
        record = current_request()
        context = self.execution_context
        if record is not None and context.graphql_document is not None:
            record.operation = operation_label(context.graphql_document, context.operation_name)
        yield


def operation_label(document: DocumentNode, operation_name: str | None) -> str:
    """The root field the operation selects; "multiple" for several, "none" for no operation."""
    fields = root_fields(document, operation_name)
    if len(fields) > 1:
        fields.discard("__typename")
    if not fields:
        return NO_OPERATION
    return fields.pop() if len(fields) == 1 else SEVERAL_OPERATIONS


def root_fields(document: DocumentNode, operation_name: str | None) -> set[str]:
    """The names (not aliases) of the fields the operation selects at its root, through any
    fragments."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return set()
    fragments = {
        definition.name.value: definition.selection_set
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    names: set[str] = set()
    pending: list[SelectionSetNode] = [operation.selection_set]
    while pending:  # validation refused fragment cycles
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                names.add(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
                pending.append(fragments[selection.name.value])
    return names
