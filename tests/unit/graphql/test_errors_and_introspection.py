from __future__ import annotations

from graphql import FragmentDefinitionNode, GraphQLError, OperationDefinitionNode, parse

from graph_service.errors import BadInput, NotFound
from graph_service.graphql.errors import MASKED_MESSAGE, shape_error
from graph_service.graphql.limits import estimated_cost
from graph_service.graphql.schema import build_schema


def _raised(original: Exception) -> GraphQLError:
    return GraphQLError("raw", path=["household"], original_error=original)


def test_unexpected_errors_are_masked() -> None:
    shaped = shape_error(_raised(RuntimeError("neo4j at 10.0.0.5 said: secret stack")))
    assert shaped.message == MASKED_MESSAGE
    assert shaped.extensions == {"code": "INTERNAL"}


def test_expected_errors_keep_their_code_and_field() -> None:
    shaped = shape_error(_raised(BadInput("name", "must not be empty")))
    assert shaped.extensions == {"code": "BAD_USER_INPUT", "field": "name"}
    assert shape_error(_raised(NotFound("Household", "h1"))).message == 'Household "h1" not found'


def test_variable_errors_name_the_field_without_suggestions() -> None:
    error = GraphQLError(
        "Variable '$input' got invalid value 'G09' at 'input.grade'; Value 'G09' does not "
        "exist in 'Grade' enum. Did you mean the enum value 'G9'?",
        original_error=KeyError("G09"),
    )
    shaped = shape_error(error)
    assert shaped.extensions == {"code": "BAD_USER_INPUT", "field": "input.grade"}
    assert "Did you mean" not in shaped.message


async def test_introspection_is_off_when_settings_say_so() -> None:
    closed = await build_schema(introspection=False).execute("{ __schema { types { name } } }")
    assert closed.errors
    opened = await build_schema(introspection=True).execute("{ __schema { types { name } } }")
    assert opened.errors is None


def test_cost_multiplies_by_page_size_and_resolves_fragments() -> None:
    document = parse(
        'query { people(by: {lastName: "a"}, first: 10) { nodes { ...P } } }'
        " fragment P on Person { firstName lastName }"
    )
    operation, fragment = document.definitions
    assert isinstance(operation, OperationDefinitionNode)
    assert isinstance(fragment, FragmentDefinitionNode)
    # people (1) + nodes, firstName, lastName at 10 each
    assert estimated_cost(operation.selection_set, {"P": fragment}) == 1 + 3 * 10
