"""Reads of households and people answered by one compiled statement per root field.

The statement (db/read_compiler.py) reads the caller's grant fresh, checks each object's scope
and projects only the selected fields; this module applies the one access decision to what
it returns: the grant-level verdict (`decide`, rights from the policy in force), FORBIDDEN and
its audit when refused, and the audit of what was read and what was withheld.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from graph_service.access.decision import CallerGrant
from graph_service.access.policy import Right
from graph_service.db.access_decision import CallerRow, read_with_caller
from graph_service.db.access_values import instant_text
from graph_service.db.read_compiler import (
    AUDITED,
    WITHHELD,
    Audited,
    Selected,
    audited_fields,
    parameters_of,
    statement,
)
from graph_service.domain.pages import decode_cursor, encode_cursor, page_limit
from graph_service.services.access_decision import decision_entry, out_of_scope
from graph_service.services.access_gate import AccessGate
from graph_service.services.runtime import Runtime
from graph_service.services.searches import Search

Selections = dict[str, tuple[Selected, ...]]
KINDS = ("Household", "Person")


@dataclass(frozen=True)
class FoundPage:
    """One page of a search: each node as projected, with its cursor; `next_cursor` (pass as
    `after`) only when more follow."""

    nodes: list[dict[str, Any]]
    cursors: list[str]
    next_cursor: str | None


@dataclass(frozen=True)
class Reader:
    """One caller's compiled reads for one root field, through the request's access gate."""

    gate: AccessGate
    operation: str

    @property
    def runtime(self) -> Runtime:
        return self.gate.runtime

    @property
    def employee_id(self) -> str:
        return self.gate.employee_id

    async def run(
        self,
        root: str,
        selections: Selections,
        *,
        as_of: date | None,
        **params: Any,
    ) -> tuple[CallerGrant, dict[str, Any]]:
        """The row of `read/roots/<root>` for this caller; FORBIDDEN (audited) unless the
        caller's grant allows Read now."""
        now = self.runtime.now()
        today = self.runtime.today()
        text = statement(root, selections)
        params.update(
            employeeId=self.employee_id,
            now=instant_text(now),
            onDate=today,
            asOf=as_of or today,
            reciprocals=self.runtime.catalogue.reciprocals,
        )
        wanted = parameters_of(text)
        row = await read_with_caller(
            self.runtime.driver,
            text,
            database=self.runtime.database,
            **{name: value for name, value in params.items() if name in wanted},
        )
        caller = self._caller(row, now)
        await self.gate.admit(caller, Right.READ, operation=self.operation, at=now)
        return caller, row.row

    async def one(
        self,
        kind: str,
        identifier: str,
        selection: tuple[Selected, ...],
        *,
        as_of: date | None,
        checked: bool = True,
    ) -> dict[str, Any] | None:
        """The household or person `identifier` as selected; None alike for missing and out
        of scope (audited alike: `not_shown`). `checked=False` is for a mutation's result,
        whose root object the mutation authorized before writing (nested objects are still
        checked): its statement leaves the root's scope rule out (read/roots/*_written)."""
        root = kind.lower() if checked else f"{kind.lower()}_written"
        caller, row = await self.run(root, {kind: selection}, as_of=as_of, id=identifier)
        if not row["visible"]:
            self.not_shown(caller, [identifier])
            return None
        node: dict[str, Any] = row["node"]
        self.read(caller, [node], {kind: selection})
        return node

    async def nodes(
        self, wanted: dict[str, list[str]], selections: Selections
    ) -> dict[tuple[str, str], dict[str, Any]]:
        """The households and people among `wanted` ({kind: raw ids}) that exist and are in
        scope, by (kind, raw id); the rest are audited as withheld."""
        caller, row = await self.run(
            "nodes", selections, as_of=None,
            householdIds=wanted.get("Household", []), personIds=wanted.get("Person", []),
        )  # fmt: skip
        found = {
            (kind, node["id"]): node
            for kind, column in (("Household", "households"), ("Person", "people"))
            for node in row[column]
        }
        missing = [raw for kind, ids in wanted.items() for raw in ids if (kind, raw) not in found]
        self.not_shown(caller, missing)
        self.read(caller, list(found.values()), selections)
        return found

    async def page(
        self,
        search: Search,
        term: object,
        selection: tuple[Selected, ...],
        *,
        first: int,
        after: str | None,
        as_of: date | None,
    ) -> FoundPage:
        """A page of `search` for `term` in the caller's scope, keyset-paged after `after`."""
        limit = page_limit(first)
        keys = decode_cursor(after, len(search.cursor_keys))
        params: dict[str, Any] = dict(zip(search.cursor_keys, keys, strict=True))
        params.update(search.parameters(term), limit=limit + 1)
        caller, row = await self.run(search.root, {search.kind: selection}, as_of=as_of, **params)
        shown = row["page"][:limit]
        nodes = [item["node"] for item in shown]
        # A search that found nobody was a read too.
        self.read(caller, nodes, {search.kind: selection}, empty_too=True)
        cursors = [encode_cursor(item["sortKey"]) for item in shown]
        more = len(row["page"]) > limit and bool(cursors)
        return FoundPage(nodes, cursors, cursors[-1] if more else None)

    def _caller(self, row: CallerRow, now: datetime) -> CallerGrant:
        return CallerGrant(
            employee_id=self.employee_id, employed=row.employed, grant=row.grant, loaded_at=now
        )

    def not_shown(self, caller: CallerGrant, ids: list[str]) -> None:
        """Queue the audit of root objects the request named and does not get."""
        self.gate.not_shown(caller, Right.READ, ids, operation=self.operation)

    def read(
        self,
        caller: CallerGrant,
        found: list[Any],
        selections: Selections,
        *,
        empty_too: bool = False,
    ) -> None:
        """Queue the audit of what this read shows and of the nested objects it withheld
        (made null), and null those out of `found` (households and people projected with
        `selections`, by type) in place; `empty_too` audits a read that shows nothing (a
        search with no match)."""
        shown: list[str] = []
        withheld: list[str] = []
        for item in found:
            kind = item["__typename"]
            _walk(item, audited_fields(kind, selections[kind]), shown, withheld)
        policy_version = self.runtime.policy.version
        if shown or empty_too:
            self.gate.read_audit.record(
                employee_id=self.employee_id,
                operation=self.operation,
                object_ids=shown,
                allowed=True,
                policy_version=policy_version,
                reason="within the grant's scope",
            )
        if withheld:
            decision = out_of_scope(self.runtime, caller, Right.READ, withheld)
            self.gate.read_audit.queue(
                decision_entry(
                    self.runtime,
                    caller=caller,
                    decision=decision,
                    operation=self.operation,
                    household_ids=withheld,
                )
            )


def _walk(value: dict[str, Any], fields: Audited, shown: list[str], withheld: list[str]) -> None:
    """Collect the ids of households and people shown, and of those withheld, replacing a
    withheld object's marker by None (the API's null for "outside your scope"); only the
    `fields` that can hold one are visited (read_compiler.audited_fields)."""
    stack = [(value, fields)]
    while stack:
        item, below = stack.pop()
        if item.get("__typename") in AUDITED and "id" in item:
            shown.append(item["id"])
        for key, further in below:
            element = item.get(key)
            if type(element) is dict:
                if WITHHELD in element:
                    withheld.append(element["id"])
                    item[key] = None
                else:
                    stack.append((element, further))
            elif type(element) is list:
                for index, entry in enumerate(element):
                    if type(entry) is not dict:
                        continue
                    if WITHHELD in entry:
                        withheld.append(entry["id"])
                        element[index] = None
                    else:
                        stack.append((entry, further))
