"""What a failed load says: the database refused something (which constraint, what to do) is
not the database being out of reach, and the message must not send the user the wrong way."""

from __future__ import annotations

from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

LoadFailure = DriverError | Neo4jError | OSError


def explain(error: LoadFailure, uri: str) -> str:
    """One line for the person who ran the load: what happened, and what to do next."""
    if isinstance(error, ConstraintError):
        return (
            f"the database at {uri} refused the load: a uniqueness constraint "
            f"({error.code}): {error.message}. Loads merge on each record's natural key, so "
            "another record (written by something other than this load) already holds that "
            "key under another id: remove or rename it, or load into an empty database "
            "(`graph-service db reset` empties the managed local one)"
        )
    if isinstance(error, AuthError):
        return (
            f"the database at {uri} refused the credentials ({error.message}); check "
            "NEO4J_USER and NEO4J_PASSWORD"
        )
    if isinstance(error, ServiceUnavailable | SessionExpired | OSError):
        return (
            f"could not reach the database at {uri} ({error}); is it running? "
            "(graph-service db start)"
        )
    if isinstance(error, Neo4jError):
        return f"the database at {uri} refused a statement ({error.code}): {error.message}"
    return f"the database driver failed talking to {uri}: {error}"
