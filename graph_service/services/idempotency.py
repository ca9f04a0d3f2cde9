"""Idempotency keys: a retried write answers with its first outcome instead of applying twice.

The convention of payment APIs (and the IETF's Idempotency-Key header draft): the client
sends a unique key with a write and sends the same key when it retries. The key is recorded
in the write's own transaction, so "recorded" and "applied" are one fact: a retry finds it
and is answered from it; a concurrent retry waits for the first on the key's uniqueness
constraint and then finds it. A key is the client's for 24 hours and for one request: the
same key with other input is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from neo4j.exceptions import ConnectionPoolError, ServiceUnavailable, SessionExpired

from graph_service.errors import BadInput, ServiceError

# The driver's "the database cannot be reached" errors (IncompleteCommit, a ServiceUnavailable,
# is the one whose write may have committed).
UNREACHABLE = (ServiceUnavailable, SessionExpired, ConnectionPoolError)

KEY_LIFETIME = timedelta(hours=24)
HEADER = "Idempotency-Key"


@dataclass(frozen=True)
class IdempotencyClaim:
    """What a keyed write records: its scoped key and a fingerprint of its request."""

    key: str
    fingerprint: str
    operation: str
    # The id recorded as the write's outcome, taken from the use case's result.
    outcome_of: Callable[[object], str | None] = field(default=lambda result: outcome_id(result))


def outcome_id(result: object) -> str | None:
    """The id a use case's result names (a created or changed object), if any."""
    if isinstance(result, str):
        return result
    found = getattr(result, "id", None)
    return found if isinstance(found, str) else None


def claim_for(
    *,
    employee_id: str,
    header: str,
    field: str,
    operation: str,
    request_json: str,
    outcome_of: Callable[[object], str | None] = outcome_id,
) -> IdempotencyClaim:
    """The claim of one root mutation field sent with `header` as its key. Keys are scoped
    to the caller and the field (two callers never share a key; a request with two mutations
    gives each its own), so the stored key is a hash of all three."""
    if not (1 <= len(header) <= 255 and header.isascii() and header.isprintable()):
        raise BadInput(HEADER, "must be 1 to 255 printable ASCII characters (e.g. a UUID)")
    scoped = hashlib.sha256("\0".join((employee_id, header, field)).encode()).hexdigest()
    fingerprint = hashlib.sha256(f"{operation}\0{request_json}".encode()).hexdigest()
    return IdempotencyClaim(scoped, fingerprint, operation, outcome_of)


class AlreadyApplied(Exception):
    """The key was claimed by a write that committed first (raised by Runtime.write)."""


class KeyReused(BadInput):
    def __init__(self) -> None:
        super().__init__(HEADER, "was already used for a different request; use a new key")


class DatabaseUnavailable(ServiceError):
    """Neo4j cannot be reached: nothing was applied. Retry after `retry_after` seconds."""

    code = "SERVICE_UNAVAILABLE"
    retry_after = 2

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or "the database is unavailable; nothing was changed. Retry in a few seconds."
        )


class OutcomeUnknown(DatabaseUnavailable):
    """The connection was lost while the write committed: it may or may not be applied."""

    def __init__(self, *, keyed: bool) -> None:
        advice = (
            f"retry with the same {HEADER} to learn which (it will not be applied twice)"
            if keyed
            else f"read the object before trying again, and send an {HEADER} with writes"
        )
        super().__init__(
            "the database connection was lost while this write committed: it may have been "
            f"applied or not; {advice}."
        )


class AnswerUnavailable(DatabaseUnavailable):
    """The write committed, but the database went away before its answer could be read."""

    def __init__(self, *, keyed: bool) -> None:
        advice = (
            f"retry with the same {HEADER} to read it (it will not be applied twice)"
            if keyed
            else "read the object to see it"
        )
        super().__init__(
            f"the change was applied, but the database went away before the answer could be "
            f"read; {advice}."
        )
