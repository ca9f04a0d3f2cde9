"""The steward views' gate, inside each view's one statement.

A steward view looks across the whole district, so it needs a usable district-wide grant
with Read; a school's grant is refused even for its own data. Like the compiled reads
(services/compiled_reads.py), the view's statement reads the caller's grant fresh and runs
the view only for a usable district-wide grant (`cypher/read/views/district_view.cypher`),
so a view is one round trip; the one decision (`require_grant`) then gives the verdict on
the grant the statement returned, rights included, at the same instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, LiteralString

from graph_service.access.decision import CallerGrant
from graph_service.access.policy import Right
from graph_service.db.access_decision import CallerRow, caller_of
from graph_service.db.access_values import instant_text
from graph_service.db.cypher import read_template
from graph_service.db.run import native, read_rows
from graph_service.services.access_gate import admit
from graph_service.services.runtime import Runtime

_GATE_COLUMNS = ("employmentStatus", "grant", "districtWide")


@cache
def district_view(statement: LiteralString) -> LiteralString:
    """`statement` (a whole statement of cypher/steward/) behind the caller's gate. Composed
    only from files of cypher/, never from a request's values (those are parameters)."""
    lines = read_template("views/district_view").split("\n")
    # The placeholder is a line of its own (the template's comments mention it too).
    return "\n".join(statement if line.strip() == "@View" else line for line in lines)


@dataclass
class DistrictView:
    """One caller's steward view within one request (built by the request's context; the
    verdict is the access gate's `admit`, on the grant the view's statement read)."""

    runtime: Runtime
    employee_id: str
    operation: str
    # The caller as the view's statement read it (set by `read`): the audit's.
    caller: CallerGrant | None = None

    async def read(self, statement: LiteralString, /, **params: Any) -> list[dict[str, Any]]:
        """The rows of the view `statement` for this caller, in one round trip; FORBIDDEN
        (audited) unless the caller holds a usable district-wide grant with Read now."""
        now = self.runtime.now()
        records = await read_rows(
            self.runtime.driver,
            district_view(statement),
            {**params, "employeeId": self.employee_id, "now": instant_text(now)},
            database=self.runtime.database,
        )
        rows = [native(record.data()) for record in records]
        gate = caller_of(dict(rows[0])) if rows else CallerRow(employed=False, grant=None, row={})
        caller = CallerGrant(
            employee_id=self.employee_id, employed=gate.employed, grant=gate.grant, loaded_at=now
        )
        await admit(
            self.runtime, caller, Right.READ, operation=self.operation, at=now,
            district_wide="steward views need a district-wide (central office) grant",
        )  # fmt: skip
        self.caller = caller
        for row in rows:
            for column in _GATE_COLUMNS:
                row.pop(column)
        # OPTIONAL CALL answers a view that found nothing with one row of nulls; every row of
        # a view names at least one thing (an id, a total).
        return [row for row in rows if any(value is not None for value in row.values())]
