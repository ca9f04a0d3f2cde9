"""Data functions for the census data-quality report: the count of every rule in one round
trip, and one rule's findings (with its total) in one round trip each."""

from __future__ import annotations

from datetime import date
from typing import Any, LiteralString

from graph_service.db.cypher import cypher
from graph_service.db.run import ViewRows
from graph_service.db.steward_rows import record_ref
from graph_service.domain.pages import Page, decode_cursor, encode_cursor
from graph_service.domain.steward import (
    CensusFinding,
    CensusRule,
    CensusRuleCount,
    CensusSummary,
    RecordKind,
    RecordRef,
    age_on,
)

# The duplicate rule is read through steward_shared.duplicate_pairs (its own evidence shape).
RULE_STATEMENTS: dict[CensusRule, LiteralString] = {
    CensusRule.STUDENT_WITHOUT_GUARDIAN: cypher("steward/census_student_without_guardian"),
    CensusRule.MORE_THAN_TWO_GUARDIANS: cypher("steward/census_more_than_two_guardians"),
    CensusRule.GUARDIAN_UNDER_18: cypher("steward/census_guardian_under_18"),
    CensusRule.HOUSEHOLD_WITHOUT_PHYSICAL_ADDRESS: cypher(
        "steward/census_household_without_physical_address"
    ),
    CensusRule.SEVERAL_PRIMARY_MEMBERSHIPS: cypher("steward/census_several_primary_memberships"),
    CensusRule.GUARDIAN_IN_SEVERAL_HOUSEHOLDS: cypher(
        "steward/census_guardian_in_several_households"
    ),
    CensusRule.RELATIONSHIP_WITHOUT_TYPE_OR_START: cypher(
        "steward/census_relationship_without_type_or_start"
    ),
}


async def census_summary(read: ViewRows, *, as_of: date) -> CensusSummary:
    rows = await read(cypher("steward/census_counts"), asOf=as_of)
    counts = rows[0]
    return CensusSummary(
        as_of=as_of,
        rules=[CensusRuleCount(rule=rule, count=int(counts[rule.value])) for rule in CensusRule],
    )


def _detail(rule: CensusRule, facts: dict[str, Any], related: list[RecordRef], day: date) -> str:
    """What is wrong, in words a steward can act on."""
    match rule:
        case CensusRule.STUDENT_WITHOUT_GUARDIAN:
            schools = ", ".join(ref.label for ref in related)
            return f"enrolled at {schools} with no current guardian"
        case CensusRule.MORE_THAN_TWO_GUARDIANS:
            return f"{facts['guardians']} current guardians (at most two expected)"
        case CensusRule.GUARDIAN_UNDER_18:
            age = age_on(facts["birthDate"], day)
            return f"guardian aged {age} on {day} (born {facts['birthDate']})"
        case CensusRule.HOUSEHOLD_WITHOUT_PHYSICAL_ADDRESS:
            return f"{facts['members']} current member(s) and no current physical address"
        case CensusRule.SEVERAL_PRIMARY_MEMBERSHIPS:
            return f"primary member of {facts['households']} households at once"
        case CensusRule.GUARDIAN_IN_SEVERAL_HOUSEHOLDS:
            return f"guardian who is a current member of {facts['households']} households"
        case CensusRule.RELATIONSHIP_WITHOUT_TYPE_OR_START:
            missing = [
                name
                for name, value in (("type", facts["type"]), ("start date", facts["startDate"]))
                if value is None or (isinstance(value, str) and not value.strip())
            ]
            return "relationship without " + " or ".join(missing)
    return ""  # pragma: no cover  # the duplicate rule has no row statement here


def _finding(rule: CensusRule, row: dict[str, Any], day: date) -> CensusFinding:
    related = [record_ref(item) for item in row["related"]]
    subject_row = row["subject"]
    if subject_row["kind"] == RecordKind.RELATIONSHIP.value:
        # A relationship is shown as its two people: "from → to".
        label = " → ".join(ref.label for ref in related)
        subject = RecordRef(id=subject_row["id"], kind=RecordKind.RELATIONSHIP, label=label)
    else:
        subject = record_ref(subject_row)
    return CensusFinding(
        rule=rule,
        subject=subject,
        related=related,
        detail=_detail(rule, row["facts"], related, day),
    )


async def census_findings(
    read: ViewRows,
    *,
    rule: CensusRule,
    as_of: date,
    limit: int,
    after: str | None,
) -> tuple[int, Page[CensusFinding]]:
    """How many records break `rule` on `as_of`, and one page of them."""
    after_sort, after_tie = decode_cursor(after, 2)
    rows = await read(
        RULE_STATEMENTS[rule],
        asOf=as_of,
        afterSort=after_sort,
        afterTie=after_tie,
        limit=limit + 1,
    )
    total, found = int(rows[0]["total"]), rows[0]["page"]
    cursor = None
    if len(found) > limit:
        last = found[limit - 1]
        cursor = encode_cursor([last["sortKey"], last["tieKey"]])
    items = [_finding(rule, row, as_of) for row in found[:limit]]
    return total, Page[CensusFinding](items=items, next_cursor=cursor)
