"""`python -m bench.hostile_inputs`: hostile values in every argument of every root field and
mutation, sent over HTTP as a caller permitted to call each one; answers counted by HTTP
status and error code. The goal: no HTTP 500, no INTERNAL, and the graph unchanged by every
refused mutation (its nodes and relationships, audit trail aside, counted and compared
before and after each one).

Steps: wipe and start a managed Neo4j of its own (`--home`, Bolt `--bolt-port`); build the
small test district through the real use cases (`graph_service.testing.world`); start the
service as users run it (`graph-service serve`, clock pinned where the district was built);
read the schema, fill each root field's arguments with a valid value, then replace one
argument or input field at a time with each hostile value of its kind (`bench.hostile_values`).
Values with a lone UTF-16 surrogate are counted apart: the request edge refuses them before
any resolver runs.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import httpx
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    get_named_type,
    is_leaf_type,
)
from neo4j import Driver, GraphDatabase

from bench import hostile_values as hv
from bench.service import start_service, stop_service
from graph_service.access.policy import load_policy
from graph_service.auth.principal import PlatformRole
from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.graphql.ids import from_global_id, to_global_id
from graph_service.graphql.schema import schema
from graph_service.localdb import LocalNeo4j
from graph_service.services.runtime import Runtime
from graph_service.settings import DEV_NEO4J_PASSWORD, Settings
from graph_service.testing.world import NOW, World, build_world

# District-wide with every household right, and both platform roles: permitted everywhere.
CALLER = "E-DISTRICT"
ROLES = [PlatformRole.ACCESS_ADMIN, PlatformRole.INTEGRATION_FEED]
PERSON_PHONE_FIELDS = {"addPersonPhone", "reprioritizePersonPhones", "endPersonPhone"}
UNKNOWN_ID = "00000000-0000-0000-0000-0000000000aa"
VALID = "(valid request)"


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile_inputs")
    parser.add_argument("--bolt-port", type=int, default=7696)
    parser.add_argument("--port", type=int, default=8796)
    parser.add_argument("--home", type=Path, default=Path(".graph-service/hostile-neo4j"))
    parser.add_argument("--output", type=Path, default=Path("bench/results"))
    parser.add_argument("--only", nargs="*", default=[], help="root fields to try (default all)")
    return parser.parse_args()


@dataclass(frozen=True)
class Case:
    field: str
    mutation: bool
    document: str
    variables: dict[str, Any]
    where: str
    label: str

    @property
    def at_request_edge(self) -> bool:
        return hv.has_surrogate(self.variables)


@dataclass
class Answer:
    field: str
    where: str
    label: str
    status: int
    code: str
    message: str
    edge: bool
    changed_after_refusal: bool = False


def _one_of(type_: GraphQLInputObjectType) -> bool:
    """Strawberry enforces one-of inputs itself; graphql-core's flag stays False."""
    definition = schema.get_type_by_name(type_.name)
    return bool(getattr(definition, "is_one_of", False))


# -- valid values, so that each case differs from a request that works in one place only


def _id_value(name: str, field: str, world: World) -> Any:
    person = to_global_id("Person", world.people["lincoln_student"])
    other = to_global_id("Person", world.people["lincoln_mother"])
    household = to_global_id("Household", world.households["lincoln"])
    by_name: dict[str, Any] = {
        "personId": person, "relatedPersonId": other, "survivorId": person, "mergedId": other,
        "fromPersonId": person, "toPersonId": other, "personIds": [person],
        "contactPersonIds": [other], "householdId": household, "ids": [person, household],
        "ownerId": person if field in PERSON_PHONE_FIELDS else household,
        "id": person if field == "person" else household,
    }  # fmt: skip
    return by_name.get(name, UNKNOWN_ID)


_STRINGS = {
    "name": "Hostile family", "firstName": "Ana", "lastName": "Rivera", "city": "Springfield",
    "state": "IL", "zip": "62702", "street": "Elm", "tag": "St", "type": "Mother",
    "employeeId": "E-LINCOLN-OFFICE", "source": "lms", "courseId": "FERPA-101",
    "schoolId": "lincoln", "createdAtSchoolId": "lincoln", "locationId": "lincoln",
    "roleId": "office-pro", "approverId": CALLER, "approverRole": "principal",
    "email": "x@example-district.org", "namePrefix": "Riv", "addressPrefix": "9 Elm",
    "phone": "(217) 555-0101", "memberLastName": "Rivera", "studentNumber": "S1",
    "comments": "note", "contactRestrictions": "none", "content": f"{hv._HEADER}\n", "after": None,
    "stateId": None, "staffEmployeeId": None, "key": None,
}  # fmt: skip
_INTS = {"first": 5, "depth": 2, "limit": 20, "maxLength": 4}
_DATES = {"birthDate": "2010-05-01", "endDate": "2026-12-31"}


def _is_id(name: str) -> bool:
    return name in ("id", "ids") or name.endswith("Id") or name.endswith("Ids")


def _valid(name: str, type_: GraphQLInputType, field: str, parent: str, world: World) -> Any:
    """A value that passes for `name` of `type_` (None where the argument may be left out)."""
    if isinstance(type_, GraphQLNonNull):
        return _valid(name, type_.of_type, field, parent, world)
    if isinstance(type_, GraphQLList):
        item = _valid(name, type_.of_type, field, parent, world)
        return item if isinstance(item, list) else [item]
    if isinstance(type_, GraphQLInputObjectType):
        names = list(type_.fields)[:1] if _one_of(type_) else list(type_.fields)
        return {n: _valid(n, type_.fields[n].type, field, type_.name, world) for n in names}
    if isinstance(type_, GraphQLEnumType):
        values = list(type_.values)
        return "COURSE_COMPLETED" if "COURSE_COMPLETED" in values else values[0]
    assert isinstance(type_, GraphQLScalarType)
    kind = type_.name
    if kind in ("ID", "String") and _is_id(name) and name not in _STRINGS:
        return _id_value(name, field, world)
    if kind in ("ID", "String"):
        if name == "number":
            return "(217) 555-0199" if "Phone" in parent else "9"
        return _STRINGS.get(name, "plain text")
    if kind == "Int":
        return _INTS.get(name, 1)
    if kind == "Boolean":
        return False
    if kind == "Date":
        return _DATES.get(name, "2026-09-01")
    return "2026-09-15T09:00:00-05:00"  # DateTime


# -- hostile values by kind


def _hostile(name: str, type_: GraphQLInputType) -> list[hv.Hostile]:
    nullable = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(nullable, GraphQLList):
        return hv.LISTS + hv.WRONG_TYPES[:3]
    if isinstance(nullable, GraphQLInputObjectType):
        return hv.OBJECTS + hv.WRONG_TYPES[:2]
    if isinstance(nullable, GraphQLEnumType):
        return hv.ENUMS + hv.WRONG_TYPES
    assert isinstance(nullable, GraphQLScalarType)
    by_scalar = {
        "Int": hv.INTS, "Boolean": hv.BOOLEANS, "Date": hv.DATES, "DateTime": hv.INSTANTS
    }  # fmt: skip
    if nullable.name in by_scalar:
        return by_scalar[nullable.name] + hv.WRONG_TYPES
    if name == "after":
        return hv.CURSORS + hv.WRONG_TYPES
    if _is_id(name):
        return hv.IDS + hv.WRONG_TYPES
    return hv.STRINGS + hv.WRONG_TYPES


def _leaves(
    type_: GraphQLInputType, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], GraphQLInputType]]:
    """Every place a value goes: the argument itself, its fields and list items, all fields
    of an input object (each field of a one-of input alone)."""
    yield path, type_
    nullable = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(nullable, GraphQLList):
        yield from _leaves(nullable.of_type, (*path, 0))
    elif isinstance(nullable, GraphQLInputObjectType):
        for name, field in nullable.fields.items():
            yield from _leaves(field.type, (*path, name))


def _set(variables: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(variables)
    target: Any = changed
    for step in path[:-1]:
        if isinstance(step, int) and not target:
            target.append({})
        target = target[step]
    last = path[-1]
    if isinstance(last, int):
        if target:
            target[last] = value
        else:
            target.append(value)
    else:
        target[last] = value
    return changed


def _one_of_parent(root: GraphQLField, path: tuple[str | int, ...]) -> bool:
    """Whether `path` is a field of a one-of input (then it is sent as the only field)."""
    type_: Any = root.args[str(path[0])].type
    for step in path[1:]:
        type_ = get_named_type(type_)
        if isinstance(type_, GraphQLInputObjectType) and isinstance(step, str):
            if _one_of(type_):
                return True
            type_ = type_.fields[step].type
    return False


def _selection(type_: GraphQLOutputType, depth: int = 2) -> str:
    named = get_named_type(type_)
    if is_leaf_type(named):
        return ""
    assert isinstance(named, GraphQLObjectType | GraphQLInterfaceType)
    fields: list[str] = ["__typename"]
    for name, field in named.fields.items():
        if any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
            continue
        if is_leaf_type(get_named_type(field.type)):
            fields.append(name)
        elif depth > 1:
            fields.append(f"{name} {_selection(field.type, depth - 1)}")
    return "{ " + " ".join(fields) + " }"


def cases(world: World, only: list[str]) -> list[Case]:
    gql = schema._schema
    found: list[Case] = []
    roots = [(gql.query_type, False), (gql.mutation_type, True)]
    for root_type, mutation in roots:
        assert root_type is not None
        for field_name, root in root_type.fields.items():
            if not root.args or (only and field_name not in only):
                continue
            declared = ", ".join(f"${n}: {a.type}" for n, a in root.args.items())
            passed = ", ".join(f"{n}: ${n}" for n in root.args)
            document = (
                f"{'mutation' if mutation else 'query'}({declared}) "
                f"{{ {field_name}({passed}) {_selection(root.type)} }}"
            )
            valid = {n: _valid(n, a.type, field_name, "", world) for n, a in root.args.items()}
            found.append(Case(field_name, mutation, document, valid, "-", VALID))
            for name, arg in root.args.items():
                for path, type_ in _leaves(arg.type, (name,)):
                    leaf = next(p for p in reversed(path) if isinstance(p, str))
                    base = valid
                    if len(path) > 1 and _one_of_parent(root, path):
                        base = {**valid, name: {}}
                    for label, value in _hostile(leaf, type_):
                        found.append(
                            Case(field_name, mutation, document, _set(base, path, value),
                                 ".".join(map(str, path)), label)
                        )  # fmt: skip
            if field_name == "ingestAccessEvents":
                for label, fmt, content in hv.BATCHES:
                    found.append(
                        Case(field_name, True, document, {"content": content, "format": fmt},
                             "content", label)
                    )  # fmt: skip
    return found


# -- running


def _snapshot(driver: Driver, database: str) -> tuple[int, int, str]:
    """Nodes, relationships and a digest of every property, the audit trail aside."""
    records, _, _ = driver.execute_query(cypher("testing/data_snapshot"), database_=database)
    data = records[0].data()
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    return len(data["nodes"]), len(data["edges"]), digest


def _post(http: httpx.Client, token: str, case: Case) -> tuple[int, str, str]:
    # Encoded here (ASCII, \\u escapes) so that lone surrogates reach the server as JSON.
    body = json.dumps({"query": case.document, "variables": case.variables}).encode()
    headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
    try:
        response = http.post("/graphql", content=body, headers=headers)
    except httpx.TimeoutException:
        return 0, "TIMEOUT", ""
    try:
        answer = response.json()
    except ValueError:
        return response.status_code, "NOT_JSON", response.text[:200]
    errors = answer.get("errors") or []
    if not errors:
        return response.status_code, "OK", ""
    first = errors[0]
    code = (first.get("extensions") or {}).get("code", "NO_CODE")
    return response.status_code, str(code), str(first.get("message", ""))[:200]


def _with_current_version(driver: Driver, database: str, case: Case) -> Case:
    """The case with `input.expectedVersion` (when it is not what is being tried) set to the
    target's version now: earlier accepted cases moved it on."""
    data = case.variables.get("input")
    if not isinstance(data, dict) or case.where == "input.expectedVersion":
        return case
    if not isinstance(data.get("expectedVersion"), int):
        return case
    target = next((data[k] for k in ("householdId", "personId", "ownerId") if k in data), None)
    decoded = from_global_id(target) if isinstance(target, str) else None
    if decoded is None:
        return case
    records, _, _ = driver.execute_query(
        cypher("bench/current_version"), id=decoded[1], database_=database
    )
    version = records[0]["version"] if records else None
    if version is None:
        return case
    variables = {**case.variables, "input": {**data, "expectedVersion": version}}
    return replace(case, variables=variables)


def run(url: str, token: str, driver: Driver, database: str, todo: list[Case]) -> list[Answer]:
    """Each case in turn; a refused mutation's graph is compared with the graph as it was
    after the mutation before it (nothing else writes meanwhile)."""
    answers = []
    graph = _snapshot(driver, database)
    with httpx.Client(base_url=url, timeout=120) as http:
        for todo_case in todo:
            case = _with_current_version(driver, database, todo_case)
            status, code, message = _post(http, token, case)
            answer = Answer(
                case.field, case.where, case.label, status, code, message, case.at_request_edge
            )
            if case.mutation:
                before, graph = graph, _snapshot(driver, database)
                answer.changed_after_refusal = code != "OK" and graph != before
            answers.append(answer)
    return answers


def report(answers: list[Answer], seconds: float) -> dict[str, Any]:
    def counts(group: list[Answer]) -> dict[str, int]:
        return dict(Counter(f"{a.status} {a.code}" for a in group).most_common())

    baselines = {a.field: f"{a.code} {a.message[:80]}".strip() for a in answers if a.label == VALID}
    answers = [a for a in answers if a.label != VALID]
    inner = [a for a in answers if not a.edge]
    edge = [a for a in answers if a.edge]
    bad = [a for a in answers if a.status >= 500 or a.code in ("INTERNAL", "TIMEOUT", "NOT_JSON")]
    return {
        "requests": len(answers),
        "seconds": round(seconds, 1),
        "root_fields": len({a.field for a in answers}),
        "valid_requests_by_field": baselines,
        "answers": counts(answers),
        "answers_without_lone_surrogates": counts(inner),
        "answers_with_lone_surrogates": counts(edge),
        "http_500": sum(a.status >= 500 for a in answers),
        "internal": sum(a.code == "INTERNAL" for a in answers),
        "internal_or_500_without_lone_surrogates": sum(not a.edge for a in bad),
        "internal_or_500_with_lone_surrogates": sum(a.edge for a in bad),
        "refused_mutations_that_changed_the_graph": [
            asdict(a) for a in answers if a.changed_after_refusal
        ],
        "failures": [asdict(a) for a in bad],
    }


async def _build(settings: Settings) -> tuple[World, str]:
    clock = FixedClock(NOW)
    async with create_driver(settings) as driver:
        await migrate(driver, database=settings.neo4j_database)
        await driver.execute_query(cypher("testing/wipe_data"), database_=settings.neo4j_database)
        runtime = Runtime(driver, settings.neo4j_database, load_policy(), clock)
        world = await build_world(runtime, clock)
    return world, clock.now().isoformat()


def main() -> None:
    args = _args()
    server = LocalNeo4j(
        home=args.home.resolve(), port=args.bolt_port, password=DEV_NEO4J_PASSWORD,
        jar_cache_dir=Settings().jar_cache_dir,
    )  # fmt: skip
    server.stop()
    server.reset()
    server.start()
    settings = Settings.model_validate({"neo4j_uri": server.bolt_uri, "env": "development"})
    world, pinned = asyncio.run(_build(settings))
    args.output.mkdir(parents=True, exist_ok=True)
    service = start_service(
        bolt_uri=server.bolt_uri, password=DEV_NEO4J_PASSWORD, port=args.port, pinned=pinned,
        log=args.output / "hostile-service.log",
    )  # fmt: skip
    token = mint_development_token(settings, CALLER, roles=ROLES)
    todo = cases(world, args.only)
    print(f"{len(todo)} hostile requests across {len({c.field for c in todo})} root fields")
    auth = (settings.neo4j_user, DEV_NEO4J_PASSWORD)
    try:
        with GraphDatabase.driver(server.bolt_uri, auth=auth) as driver:
            started = time.perf_counter()
            answers = run(
                f"http://127.0.0.1:{args.port}", token, driver, settings.neo4j_database, todo
            )
            seconds = time.perf_counter() - started
        alive = service.poll() is None
        healthy = alive and httpx.get(f"http://127.0.0.1:{args.port}/healthz").status_code == 200
    finally:
        stop_service(service)
        server.stop()
    summary = {**report(answers, seconds), "service_alive_and_healthy_after": healthy}
    (args.output / "hostile-inputs.json").write_text(json.dumps(summary, indent=2) + "\n")
    shown = {k: v for k, v in summary.items() if k not in ("failures",)}
    print(json.dumps(shown, indent=2))
    for failure in summary["failures"][:60]:
        print(f"  {failure['status']} {failure['code']:<9} {failure['field']}.{failure['where']}"
              f" [{failure['label']}]{' (lone surrogate)' if failure['edge'] else ''}: "
              f"{failure['message'][:100]}")  # fmt: skip


if __name__ == "__main__":
    main()
