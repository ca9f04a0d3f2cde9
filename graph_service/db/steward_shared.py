"""Data functions for what records share: addresses and phones shared by households, and
person records that may be duplicates. Each is one round trip, keyset-paged."""

from __future__ import annotations

from datetime import date
from typing import Any, LiteralString

from graph_service.db.cypher import cypher
from graph_service.db.run import ViewRows
from graph_service.db.steward_rows import record_ref
from graph_service.domain.pages import Page, decode_cursor, encode_cursor
from graph_service.domain.steward import (
    MAX_HOUSEHOLDS_PER_GROUP,
    DuplicateEvidence,
    DuplicatePair,
    HouseholdAtContact,
    SharedBy,
    SharedContact,
)

# District-wide, or starting from one household (its own contacts only, so no scan).
_SHARED: dict[tuple[SharedBy, bool], LiteralString] = {
    (SharedBy.ADDRESS, False): cypher("steward/shared_addresses"),
    (SharedBy.PHONE, False): cypher("steward/shared_phones"),
    (SharedBy.ADDRESS, True): cypher("steward/shared_addresses_of_household"),
    (SharedBy.PHONE, True): cypher("steward/shared_phones_of_household"),
}


def address_line(row: dict[str, Any]) -> str:
    """ "12 Main St Apt 4B, Springfield, MN 55401" (or "PO Box 7, ...")."""
    if row.get("street"):
        street = " ".join(
            part for part in (row.get("number"), row.get("street"), row.get("tag")) if part
        )
        if row.get("apartment"):
            street += f" Apt {row['apartment']}"
    else:
        street = f"PO Box {row.get('poBox') or ''}".strip()
    return f"{street}, {row.get('city')}, {row.get('state')} {row.get('zip')}"


def _contact(shared_by: SharedBy, row: dict[str, Any]) -> SharedContact:
    contact = row["contact"]
    label = address_line(contact) if shared_by is SharedBy.ADDRESS else contact["number"]
    return SharedContact(
        shared_by=shared_by,
        contact_id=contact["id"],
        label=label,
        household_count=row["householdCount"],
        households=[
            HouseholdAtContact(
                household=record_ref(item["household"]),
                start_date=item["startDate"],
                end_date=item["endDate"],
            )
            for item in row["households"]
        ],
    )


def _sort_key(shared_by: SharedBy, row: dict[str, Any]) -> str:
    contact = row["contact"]
    return str(contact["normalizedKey"] if shared_by is SharedBy.ADDRESS else contact["number"])


async def shared_contacts(
    read: ViewRows,
    *,
    shared_by: SharedBy,
    household_id: str | None,
    as_of: date,
    ever: bool,
    limit: int,
    after: str | None,
) -> Page[SharedContact]:
    """Addresses or phone numbers two or more households have on `as_of` (or ever); only
    those of `household_id` when given."""
    (after_key,) = decode_cursor(after, 1)
    rows = await read(
        _SHARED[shared_by, household_id is not None],
        householdId=household_id,
        afterKey=after_key,
        asOf=as_of,
        ever=ever,
        perGroup=MAX_HOUSEHOLDS_PER_GROUP,
        limit=limit + 1,
    )
    items = [_contact(shared_by, row) for row in rows[:limit]]
    more = len(rows) > limit
    cursor = encode_cursor([_sort_key(shared_by, rows[limit - 1])]) if more else None
    return Page[SharedContact](items=items, next_cursor=cursor)


def _pair(row: dict[str, Any]) -> DuplicatePair:
    return DuplicatePair(
        first=record_ref(row["first"]),
        second=record_ref(row["second"]),
        birth_date=row["birthDate"],
        evidence=[DuplicateEvidence(kind) for kind in row["evidence"]],
        shared_household_ids=row["householdIds"],
        shared_phone_numbers=row["numbers"],
    )


async def duplicate_pairs(
    read: ViewRows, *, as_of: date, limit: int, after: str | None
) -> tuple[int, Page[DuplicatePair]]:
    """Every duplicate-person candidate pair counted, and one page of them."""
    after_last, after_first, after_first_id, after_second_id = decode_cursor(after, 4)
    rows = await read(
        cypher("steward/duplicate_candidates"),
        asOf=as_of,
        afterLast=after_last,
        afterFirst=after_first,
        afterFirstId=after_first_id,
        afterSecondId=after_second_id,
        limit=limit + 1,
    )
    total, found = int(rows[0]["total"]), rows[0]["page"]
    cursor = None
    if len(found) > limit:
        last = found[limit - 1]
        cursor = encode_cursor(
            [last["lastKey"], last["firstKey"], last["firstId"], last["secondId"]]
        )
    return total, Page[DuplicatePair](
        items=[_pair(row) for row in found[:limit]], next_cursor=cursor
    )
