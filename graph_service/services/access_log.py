"""The access record of a household or a person for access administrators and stewards:
every audited read, change and refusal that named it, each with the point-in-time decision
(was the actor's grant, as it stood at that instant, entitled to it?)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from graph_service.access.access_log import AccessLogEntry
from graph_service.access.decision import CallerGrant, grant_denial
from graph_service.access.engine import evaluate, final_grant, local_date
from graph_service.access.facts import EmploymentStatus
from graph_service.access.policy import Right
from graph_service.db import access_log as db
from graph_service.db.scope import targets_in_scope
from graph_service.domain.date_range import EARLIEST_DAY, LATEST_DAY
from graph_service.domain.pages import MAX_PAGE_SIZE, Page, decode_cursor, encode_cursor
from graph_service.errors import BadInput, NotFound
from graph_service.services.access_status import facts_as_of
from graph_service.services.runtime import Runtime

SubjectKind = Literal["Household", "Person"]
# Reads an access administrator makes under their platform role, not under a grant.
_PLATFORM_REASONS = {"access administrator's view of merges"}


async def access_log_page(
    runtime: Runtime,
    *,
    kind: SubjectKind,
    subject_id: str,
    start: datetime | None = None,
    end: datetime | None = None,
    first: int = 50,
    after: str | None = None,
) -> Page[AccessLogEntry]:
    """One page of the record, oldest first; `start` inclusive, `end` exclusive."""
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise BadInput("first", f"must be between 1 and {MAX_PAGE_SIZE}")
    ids = await _subjects(runtime, kind, subject_id)
    found = await db.entries_naming(
        runtime.driver,
        subject_ids=ids,
        start=start or _edge(runtime, EARLIEST_DAY),
        end=end or _edge(runtime, LATEST_DAY),
        after=_after(after),
        limit=first + 1,
        database=runtime.database,
    )
    judge = _Judge(runtime)
    items = [await judge.entry(raw, set(ids)) for raw in found[:first]]
    more = len(found) > first and bool(items)
    return Page(items=items, next_cursor=cursor_of(items[-1]) if more else None)


async def full_access_log(
    runtime: Runtime,
    *,
    kind: SubjectKind,
    subject_id: str,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[AccessLogEntry]:
    """Every entry of the record in the range (for a CSV export), page by page."""
    entries: list[AccessLogEntry] = []
    after: str | None = None
    while True:
        page = await access_log_page(
            runtime, kind=kind, subject_id=subject_id, start=start, end=end,
            first=MAX_PAGE_SIZE, after=after,
        )  # fmt: skip
        entries += page.items
        if page.next_cursor is None:
            return entries
        after = page.next_cursor


def cursor_of(entry: AccessLogEntry) -> str:
    """The cursor that pages on after `entry`."""
    return encode_cursor([entry.at.isoformat(), entry.entry_id])


async def _subjects(runtime: Runtime, kind: SubjectKind, subject_id: str) -> list[str]:
    ids = await db.subject_ids(runtime.driver, kind=kind, id=subject_id, database=runtime.database)
    if ids is None:
        raise NotFound(kind, subject_id)
    return ids


def _edge(runtime: Runtime, day: Any) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=runtime.policy.zone)


def _after(cursor: str | None) -> tuple[datetime, str] | None:
    if cursor is None:
        return None
    at, entry_id = decode_cursor(cursor, 2)
    try:
        return datetime.fromisoformat(at), entry_id
    except ValueError:
        raise BadInput("after", "is not a cursor this record returned") from None


class _Judge:
    """Decides entitlement entry by entry, reading each actor's history once per instant."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.callers: dict[tuple[str, datetime], CallerGrant | None] = {}

    async def entry(self, raw: dict[str, Any], subjects: set[str]) -> AccessLogEntry:
        named = [*raw.get("objectIds", []), *raw.get("householdIds", [])]
        named += raw.get("deniedIds", [])
        concerned = [i for i in dict.fromkeys(named) if i in subjects]
        right = Right(raw.get("right") or Right.READ.value)
        at: datetime = raw["at"].astimezone(self.runtime.policy.zone)
        entitled, why = await self._entitled(raw, right, at, concerned)
        return AccessLogEntry(
            entry_id=raw["id"],
            at=at,
            actor=raw["actor"],
            operation=raw.get("operation") or raw["kind"],
            action="read" if right is Right.READ else "change",
            right=right.value,
            allowed=bool(raw.get("allowed")),
            entitled=entitled,
            entitlement=why,
            subject_ids=concerned,
            policy_version=raw.get("policyVersion") or "",
        )

    async def _entitled(
        self, raw: dict[str, Any], right: Right, at: datetime, concerned: list[str]
    ) -> tuple[bool, str]:
        if raw.get("reason") in _PLATFORM_REASONS:
            return True, "access administrator (platform role)"
        key = (raw["actor"], at)
        if key not in self.callers:
            self.callers[key] = await self._caller(raw["actor"], at)
        caller = self.callers[key]
        if caller is None:
            return False, f"{raw['actor']} was not a staff member known to the service then"
        denial = grant_denial(caller, right, at, self.runtime.policy)
        if denial is not None:
            return False, denial
        assert caller.grant is not None  # no denial: an active grant
        if caller.district_wide:
            return True, f"district-wide grant ({caller.grant.location_name})"
        day = local_date(at, self.runtime.policy)
        scope = await targets_in_scope(
            self.runtime.driver,
            ids=concerned,
            school_ids=caller.school_ids,
            on_date=day,
            database=self.runtime.database,
        )
        outside = [i for i in concerned if not ((t := scope.get(i)) and (t.in_scope or t.unplaced))]
        if outside:
            return False, f"outside the {caller.grant.location_name} grant's scope on {day}"
        return True, f"within the {caller.grant.location_name} grant's scope"

    async def _caller(self, actor: str, at: datetime) -> CallerGrant | None:
        try:
            facts = await facts_as_of(self.runtime, actor, at)
        except BadInput:  # recorded before history was kept: nothing true to say
            return None
        if facts is None:
            return None
        grant = final_grant(facts, evaluate(facts, self.runtime.policy, at, activate=False))
        employed = facts.employment_status is EmploymentStatus.ACTIVE
        return CallerGrant(employee_id=actor, employed=employed, grant=grant, loaded_at=at)
