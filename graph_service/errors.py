"""The errors the business layer raises; each knows its API code and builds its own message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pydantic import ValidationError


class ServiceError(Exception):
    """An expected failure, shown to the caller with `code` (GraphQL `extensions.code`)."""

    code: ClassVar[str] = "INTERNAL"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


class BadInput(ServiceError):
    """Input that breaks a rule; nothing was changed."""

    code = "BAD_USER_INPUT"

    def __init__(self, field: str, message: str, *, problems: list[FieldProblem] | None = None):
        super().__init__(f"{field}: {message}", field=field)
        self.problems = problems or [FieldProblem(field, message)]

    @classmethod
    def from_validation_error(cls, error: ValidationError, *, prefix: str = "") -> BadInput:
        """One BadInput naming every invalid field that pydantic found."""
        problems = [
            FieldProblem(
                prefix + ".".join(str(part) for part in detail["loc"]) or "input",
                detail["msg"],
            )
            for detail in error.errors(include_url=False, include_input=False)
        ]
        first = problems[0]
        return cls(first.field, first.message, problems=problems)


class NotFound(ServiceError):
    """Also what a caller sees for an object outside their scope: the two answer alike."""

    code = "NOT_FOUND"

    def __init__(self, kind: str, identifier: str) -> None:
        super().__init__(f'{kind} "{identifier}" not found')
        self.kind = kind
        self.identifier = identifier


class ReadTooLong(ServiceError):
    """A read Neo4j stopped at the service's time limit for one read (db/read_limit.py):
    nothing was changed; usually a search too broad to page through."""

    code = "BAD_USER_INPUT"

    def __init__(self, seconds: float | None) -> None:
        after = f" after {seconds:g} s," if seconds else ""
        super().__init__(
            f"This read was stopped{after} the longest the service lets one read run: ask for "
            "less, for example a longer search term or a narrower filter."
        )


class Conflict(ServiceError):
    """The change collides with the stored state (a stale version, a uniqueness rule)."""

    code = "CONFLICT"


class StaleVersion(Conflict):
    def __init__(self, kind: str, identifier: str, expected: int, actual: int) -> None:
        super().__init__(
            f'{kind} "{identifier}" is at version {actual}, not {expected}: it was changed '
            "since you read it. Reload it and apply your change again.",
            field="expectedVersion",
        )


class Unauthenticated(ServiceError):
    code = "UNAUTHENTICATED"


class Forbidden(ServiceError):
    code = "FORBIDDEN"
