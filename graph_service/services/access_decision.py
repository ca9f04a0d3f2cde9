"""The one decision: "may this caller do this to these households?".

A request asks it through its access gate (services/access_gate.py), which loads the
caller once per request, or takes the grant a compiled read's statement returned, and
audits every refusal. Scripts and reports may call it directly: `caller = await
load_caller(runtime, employee_id)`, then `await decide(runtime, caller, Right.READ, ids)`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph_service.access.decision import CallerGrant, Decision, denial_kind, grant_denial
from graph_service.access.engine import local_date
from graph_service.access.facts import Grant
from graph_service.access.policy import Right
from graph_service.db import access_decision as db
from graph_service.db import audit
from graph_service.errors import Forbidden
from graph_service.observability.metrics import ACCESS_DENIALS
from graph_service.services.read_audit import ReadAudit
from graph_service.services.runtime import Runtime


async def load_caller(runtime: Runtime, employee_id: str) -> CallerGrant:
    """The caller's current grant, read fresh (cache it for this request only)."""
    employed, grant = await db.caller_grant(
        runtime.driver, database=runtime.database, employee_id=employee_id
    )
    return _caller(runtime, employee_id, employed, grant)


def _caller(runtime: Runtime, employee_id: str, employed: bool, grant: Grant | None) -> CallerGrant:
    return CallerGrant(
        employee_id=employee_id, employed=employed, grant=grant, loaded_at=runtime.now()
    )


async def decide(
    runtime: Runtime,
    caller: CallerGrant,
    right: Right,
    household_ids: list[str],
    at: datetime | None = None,
) -> Decision:
    """Allowed only when every household is in scope; `allowed_ids` lists the ones that are
    (so a list can be filtered to scope). Missing and out-of-scope households answer alike.
    With no household ids (adding a new household), only the grant and the right count."""
    at = at or runtime.now()
    # The version in force decides; the grant's own version is in the audit beside it.
    policy_version = runtime.policy.version
    denial = grant_denial(caller, right, at, runtime.policy)
    if denial is not None:
        return Decision(
            allowed=False,
            reason=denial,
            policy_version=policy_version,
            right=right,
            denied_ids=list(household_ids),
        )
    if not household_ids:
        return Decision(
            allowed=True,
            reason=f"the active grant includes the {right.name.title()} right",
            policy_version=policy_version,
            right=right,
        )
    on_date = local_date(at, runtime.policy)
    if caller.district_wide:
        in_scope = set(household_ids)
    else:
        in_scope = await db.households_in_school_scope(
            runtime.driver,
            database=runtime.database,
            household_ids=household_ids,
            school_ids=caller.school_ids,
            on_date=on_date,
        )
    allowed_ids = [h for h in household_ids if h in in_scope]
    denied_ids = [h for h in household_ids if h not in in_scope]
    reason = "within the grant's scope" if not denied_ids else "household outside the grant's scope"
    return Decision(
        allowed=not denied_ids,
        reason=reason,
        policy_version=policy_version,
        right=right,
        allowed_ids=allowed_ids,
        denied_ids=denied_ids,
    )


async def require_grant(
    runtime: Runtime,
    caller: CallerGrant,
    right: Right,
    *,
    operation: str,
    at: datetime | None = None,
) -> Decision:
    """The grant-level decision (no objects yet); a denial is audited at once and FORBIDDEN."""
    decision = await decide(runtime, caller, right, [], at=at)
    if not decision.allowed:
        await record_access_decision(
            runtime, caller=caller, decision=decision, operation=operation, household_ids=[]
        )
        raise Forbidden(
            f"household access denied: {decision.reason}. Ask `myAccess` what is missing."
        )
    return decision


def out_of_scope(runtime: Runtime, caller: CallerGrant, right: Right, ids: list[str]) -> Decision:
    """The denial of objects the grant does not cover (or that do not exist: alike)."""
    return Decision(
        allowed=False,
        reason="object outside the grant's scope",
        policy_version=caller.grant.policy_version if caller.grant else runtime.policy.version,
        right=right,
        denied_ids=ids,
    )


async def record_access_decision(
    runtime: Runtime,
    *,
    caller: CallerGrant,
    decision: Decision,
    operation: str,
    household_ids: list[str],
) -> None:
    """Append the decision to the audit trail at once (who, what, when, why, policy version)."""
    entry = decision_entry(
        runtime, caller=caller, decision=decision, operation=operation, household_ids=household_ids
    )
    await audit.append_now(runtime.driver, [entry], database=runtime.database)


def decision_entry(
    runtime: Runtime,
    *,
    caller: CallerGrant,
    decision: Decision,
    operation: str,
    household_ids: list[str],
) -> dict[str, Any]:
    """The audit entry of a decision (every denial the service acts on is audited, so a
    denial is counted in the metrics here). Pass names and ids only: the trail refuses
    fields that look like credentials."""
    if not decision.allowed:
        ACCESS_DENIALS.labels(denial_kind(decision.reason)).inc()
    return audit.audit_entry(
        "access.decision",
        at=runtime.now(),
        actor=caller.employee_id,
        employeeId=caller.employee_id,
        grantId=caller.grant.id if caller.grant else None,
        operation=operation,
        right=decision.right.value,
        householdIds=household_ids,
        allowed=decision.allowed,
        deniedIds=decision.denied_ids,
        reason=decision.reason,
        policyVersion=decision.policy_version,
        grantPolicyVersion=caller.grant.policy_version if caller.grant else None,
    )


def queue_not_shown(
    read_audit: ReadAudit,
    runtime: Runtime,
    *,
    caller: CallerGrant,
    right: Right,
    ids: list[str],
    operation: str,
) -> None:
    """Queue the audit of ids a request named and does not get: one entry naming them, the
    same for an id outside the grant's scope as for one that names nothing, and never
    written on the request's path, so neither the answer nor its timing tells the caller
    which was which (issue 12); the trail still says what was asked."""
    if ids:
        decision = out_of_scope(runtime, caller, right, ids)
        read_audit.queue(
            decision_entry(
                runtime, caller=caller, decision=decision, operation=operation, household_ids=ids
            )
        )
