"""Every read of personal data leaves an entry in the audit trail, whoever reads it (issue 12,
finding 6: a district user's or the steward's person reads, people searches and the census
report left none).

The root Query fields are taken from the schema: a new field fails
`test_every_root_query_field_is_classified` until it is listed below, either with a read that
audits it or among the fields that carry no personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph_service.auth.principal import PlatformRole
from graph_service.graphql.ids import to_global_id
from graph_service.graphql.schema import schema
from graph_service.settings import Settings
from graph_service.testing.world import World
from tests.api.audit_trail import Entry, entries_of, new_entries, records_in, settle

NO_PERSONAL_DATA = {
    "service": "the service's name and version",
    "myAccess": "the caller's own access status",
    "accessStatus": "a staff member's access status (staff, not household records)",
    "accessHistory": "a staff member's grants and their transitions",
    "accessLog": "who read or changed a record: ids and staff ids, never a record's data",
    "auditEvents": "the trail itself: ids and staff ids, never a record's data",
}

PERSON = "id firstName lastName"
HOUSEHOLD = f"id name members {{ person {{ {PERSON} }} }}"


@dataclass(frozen=True)
class Read:
    field: str
    caller: str  # a World.staff key, or "admin" (an access administrator)
    query: str
    variables: Callable[[World], dict[str, Any]]
    shows_records: bool = True  # the world holds records this read shows


def _p(world: World, key: str = "lincoln_student") -> str:
    return to_global_id("Person", world.people[key])


def _h(world: World, key: str = "lincoln") -> str:
    return to_global_id("Household", world.households[key])


Q_HOUSEHOLD = f"query($id: ID!) {{ household(id: $id) {{ {HOUSEHOLD} }} }}"
Q_HOUSEHOLDS = f'{{ households(by: {{namePrefix: "Rivera"}}) {{ nodes {{ {HOUSEHOLD} }} }} }}'
Q_PERSON = f"query($id: ID!) {{ person(id: $id) {{ {PERSON} }} }}"
Q_PEOPLE = f'{{ people(by: {{lastName: "Rivera"}}) {{ nodes {{ {PERSON} }} }} }}'
Q_NODE = f"query($id: ID!) {{ node(id: $id) {{ ... on Person {{ {PERSON} }} }} }}"
Q_NODES = f"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ id ... on Household {{ {HOUSEHOLD} }} }} }}"
Q_NETWORK = "query($id: ID!) { relationshipNetwork(personId: $id) { nodes { id label } } }"
Q_CONNECTION = (
    "query($a: ID!, $b: ID!) { connection(fromPersonId: $a, toPersonId: $b) "
    "{ fromPerson { id } toPerson { id } paths { source { id } target { id } } } }"
)
Q_SHARING = "{ householdsSharing(by: ADDRESS, ever: true) { items { households { id } } } }"
Q_DUPLICATES = "{ duplicateCandidates { items { first { id } second { id } } } }"
Q_FINDINGS = (
    "{ censusFindings(rule: STUDENT_WITHOUT_GUARDIAN) { items { subject { id } related { id } } } }"
)
Q_NOBODY = '{ people(by: {lastName: "Nobody-by-this-name"}) { nodes { id } } }'
Q_MERGES = "query($id: ID!) { personMerges(personId: $id) { survivorId mergedId } }"


def _compiled_reads(caller: str) -> list[Read]:
    """The compiled reads as one caller (a clerk, a district user or the steward)."""
    return [
        Read("household", caller, Q_HOUSEHOLD, lambda w: {"id": _h(w)}),
        Read("households", caller, Q_HOUSEHOLDS, lambda w: {}),
        Read("person", caller, Q_PERSON, lambda w: {"id": _p(w)}),
        Read("people", caller, Q_PEOPLE, lambda w: {}),
        Read("node", caller, Q_NODE, lambda w: {"id": _p(w, "lincoln_mother")}),
        Read("nodes", caller, Q_NODES, lambda w: {"ids": [_h(w), _p(w, "lincoln_student_2")]}),
    ]


STEWARD_VIEWS = [
    Read("relationshipNetwork", "steward", Q_NETWORK, lambda w: {"id": _p(w)}),
    Read("connection", "steward", Q_CONNECTION,
         lambda w: {"a": _p(w, "lincoln_mother"), "b": _p(w, "elm_student")}),
    Read("householdsSharing", "steward", Q_SHARING, lambda w: {}, shows_records=False),
    Read("duplicateCandidates", "steward", Q_DUPLICATES, lambda w: {}, shows_records=False),
    Read("censusReport", "steward", "{ censusReport { rule count } }", lambda w: {},
         shows_records=False),
    Read("censusFindings", "steward", Q_FINDINGS, lambda w: {}),
]  # fmt: skip

READS = [
    *_compiled_reads("lincoln_office"),
    *_compiled_reads("district"),
    *_compiled_reads("steward"),
    *STEWARD_VIEWS,
    Read("personMerges", "admin", Q_MERGES, lambda w: {"id": _p(w)}, shows_records=False),
    # A search that finds nobody was still a look for someone.
    Read("people", "elm_office", Q_NOBODY, lambda w: {}, shows_records=False),
]


def _root_query_fields() -> set[str]:
    return set(schema._schema.query_type.fields)  # type: ignore[union-attr]  # it has a Query


def test_every_root_query_field_is_classified() -> None:
    personal = {read.field for read in READS}
    assert personal.isdisjoint(NO_PERSONAL_DATA)
    unclassified = _root_query_fields() - personal - set(NO_PERSONAL_DATA)
    assert unclassified == set(), "list each new root field in READS or NO_PERSONAL_DATA"
    assert personal | set(NO_PERSONAL_DATA) == _root_query_fields()


def test_every_read_of_personal_data_is_audited(
    as_staff: Any, settings: Settings, world: World
) -> None:
    clients = {
        key: as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN) if key == "admin" else as_staff(key)
        for key in {read.caller for read in READS}
    }
    actors = {key: world.staff.get(key, "E-ADMIN") for key in clients}
    settle()
    before = {key: entries_of(settings, actor) for key, actor in actors.items()}

    shown: dict[tuple[str, str], set[str]] = {}
    for read in READS:
        data = clients[read.caller].data(read.query, **read.variables(world))
        shown[read.caller, read.field] = records_in(data)
        assert bool(shown[read.caller, read.field]) == read.shows_records, (read, data)

    failures = []
    for key, actor in actors.items():
        asked = {read.field for read in READS if read.caller == key}

        def all_there(found: list[Entry], asked: set[str] = asked) -> bool:
            return asked <= {e.get("operation") for e in found if e["kind"] == "household.read"}

        found = new_entries(settings, actor, before[key], all_there)
        for field in sorted(asked):
            entries = [
                e for e in found if e["kind"] == "household.read" and e.get("operation") == field
            ]
            if len(entries) != 1:
                failures.append(f"{key} {field}: {len(entries)} read entries")
                continue
            entry = entries[0]
            unlisted = shown[key, field] - set(entry["objectIds"])
            if unlisted or not entry["allowed"] or entry["employeeId"] != actor:
                failures.append(f"{key} {field}: {entry} leaves out {unlisted}")
    assert failures == [], "\n".join(failures)
