"""What the data steward's views return: networks, connections, shared contacts, duplicate
candidates and the census data-quality report. Read-only models; ids are plain node ids."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

from graph_service.domain.base import GraphModel
from graph_service.domain.pages import Page

T = TypeVar("T")

MAX_NETWORK_DEPTH = 3
MAX_NETWORK_NODES = 500
MAX_CONNECTION_LENGTH = 6
MAX_CONNECTION_PATHS = 10
# A shared address can be an apartment building: the group lists this many households and
# counts the rest, so one group never outgrows a page.
MAX_HOUSEHOLDS_PER_GROUP = 50


def age_on(birth_date: date, day: date) -> int:
    """Whole years old on `day` (the census "under 18" rule)."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


class RecordKind(StrEnum):
    PERSON = "person"
    HOUSEHOLD = "household"
    RELATIONSHIP = "relationship"
    SCHOOL = "school"


class RecordRef(GraphModel):
    """Enough of a record for a steward to recognise it and open it: id, kind, display name."""

    id: str
    kind: RecordKind
    label: str


class EdgeKind(StrEnum):
    RELATED_TO = "relatedTo"
    MEMBER_OF = "memberOf"


class NetworkNode(RecordRef):
    depth: int  # hops from the centre (0 = the centre itself)


class NetworkEdge(GraphModel):
    """A RELATED_TO edge (`from` is `to`'s `type`) or a MEMBER_OF edge (person → household)."""

    id: str
    kind: EdgeKind
    from_id: str
    to_id: str
    type: str | None = None  # RELATED_TO only
    guardian: bool = False  # RELATED_TO only
    household: bool | None = None  # RELATED_TO only: the two share a household on the day
    secondary: bool | None = None  # MEMBER_OF only
    start_date: date | None = None
    end_date: date | None = None


class Network(GraphModel):
    """The nodes within `depth` hops of the centre on `as_of` and every edge among them.
    `truncated`: more nodes were in reach than `limit`; the nearest were kept."""

    center: NetworkNode
    as_of: date
    depth: int
    limit: int
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool


class ConnectionStep(GraphModel):
    """One hop of a path: from `source` to `target` over `edge` (its stored direction may be
    either way; `description` reads in the walking direction)."""

    source: RecordRef
    target: RecordRef
    edge: NetworkEdge
    description: str


class ConnectionPath(GraphModel):
    steps: list[ConnectionStep]


class Connection(GraphModel):
    """The shortest paths between two people on `as_of` (empty: not connected within
    `max_length` hops)."""

    from_person: RecordRef
    to_person: RecordRef
    as_of: date
    max_length: int
    length: int | None
    paths: list[ConnectionPath]


class SharedBy(StrEnum):
    ADDRESS = "address"
    PHONE = "phone"


class HouseholdAtContact(GraphModel):
    household: RecordRef
    start_date: date | None
    end_date: date | None


class SharedContact(GraphModel):
    """An address or phone number that two or more households have (on the day, or ever)."""

    shared_by: SharedBy
    contact_id: str
    label: str  # the address on one line, or the E.164 number
    household_count: int
    households: list[HouseholdAtContact]  # the first MAX_HOUSEHOLDS_PER_GROUP by name


class DuplicateEvidence(StrEnum):
    NAME_AND_BIRTH_DATE = "nameAndBirthDate"
    NAME_AND_HOUSEHOLD = "nameAndHousehold"
    BIRTH_DATE_AND_PHONE = "birthDateAndPhone"


class DuplicatePair(GraphModel):
    """Two live person records that may be one person, and why we think so."""

    first: RecordRef
    second: RecordRef
    birth_date: date | None
    evidence: list[DuplicateEvidence]
    shared_household_ids: list[str]
    shared_phone_numbers: list[str]


class CensusRule(StrEnum):
    STUDENT_WITHOUT_GUARDIAN = "studentWithoutGuardian"
    MORE_THAN_TWO_GUARDIANS = "moreThanTwoGuardians"
    GUARDIAN_UNDER_18 = "guardianUnder18"
    HOUSEHOLD_WITHOUT_PHYSICAL_ADDRESS = "householdWithoutPhysicalAddress"
    SEVERAL_PRIMARY_MEMBERSHIPS = "severalPrimaryMemberships"
    GUARDIAN_IN_SEVERAL_HOUSEHOLDS = "guardianInSeveralHouseholds"
    RELATIONSHIP_WITHOUT_TYPE_OR_START = "relationshipWithoutTypeOrStart"
    DUPLICATE_PERSON_CANDIDATES = "duplicatePersonCandidates"


class CensusRuleCount(GraphModel):
    rule: CensusRule
    count: int


class CensusSummary(GraphModel):
    """How many records break each census rule on `as_of` (every rule listed, zeros too)."""

    as_of: date
    rules: list[CensusRuleCount]


class CensusFinding(GraphModel):
    """One record breaking `rule`: the `subject` (person, household or relationship), the
    records involved (`related`), and `detail` saying what is wrong in words."""

    rule: CensusRule
    subject: RecordRef
    related: list[RecordRef]
    detail: str


class CountedPage(Page[T], Generic[T]):
    """A page of a report, with how many items the whole report holds."""

    total_count: int
