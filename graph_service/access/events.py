"""Events the feeds send (learning system, HR, approvers), validated before they touch the graph.

Each event carries an idempotency key: the feed's own, or one derived from the event's content,
so a replayed file or a retried request changes nothing the second time.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from graph_service.domain.date_range import Instant


class EventType(StrEnum):
    COURSE_COMPLETED = "course-completed"
    QUIZ_COMPLETED = "quiz-completed"
    APPROVAL_GIVEN = "approval-given"
    APPROVAL_WITHDRAWN = "approval-withdrawn"
    HIRED = "hired"
    ROLE_CHANGED = "role-changed"
    LOCATION_CHANGED = "location-changed"
    DEPARTED = "departed"
    REHIRED = "rehired"


# The fields each event needs beyond type, employee, source and time.
REQUIRED_FIELDS: dict[EventType, tuple[str, ...]] = {
    EventType.COURSE_COMPLETED: ("course_id",),
    EventType.QUIZ_COMPLETED: (),  # the policy names the quiz when the feed does not
    EventType.APPROVAL_GIVEN: ("school_id", "approver_id", "approver_role"),
    EventType.APPROVAL_WITHDRAWN: ("school_id", "approver_id", "approver_role"),
    EventType.HIRED: ("name", "role_id", "location_id"),
    EventType.ROLE_CHANGED: ("role_id",),
    EventType.LOCATION_CHANGED: ("location_id",),
    EventType.DEPARTED: (),
    EventType.REHIRED: ("role_id", "location_id"),
}

HR_EVENTS = frozenset(
    {
        EventType.HIRED,
        EventType.ROLE_CHANGED,
        EventType.LOCATION_CHANGED,
        EventType.DEPARTED,
        EventType.REHIRED,
    }
)


class AccessEventIn(BaseModel):
    """One event as a feed delivers it (camelCase in JSON and CSV headers)."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, frozen=True, extra="forbid"
    )

    type: EventType
    employee_id: str = Field(min_length=1, max_length=64)
    source: str = Field(min_length=1, max_length=64)
    occurred_at: Instant
    key: str | None = Field(default=None, min_length=1, max_length=200)
    course_id: str | None = None
    school_id: str | None = None
    approver_id: str | None = None
    approver_role: str | None = None
    role_id: str | None = None
    location_id: str | None = None
    name: str | None = None
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+$")

    @model_validator(mode="after")
    def _fields_for_the_type(self) -> AccessEventIn:
        missing = [to_camel(name) for name in REQUIRED_FIELDS[self.type] if not getattr(self, name)]
        if missing:
            raise ValueError(f"a {self.type} event needs {', '.join(missing)}")
        return self

    @property
    def idempotency_key(self) -> str:
        """The feed's key, or a digest of the content (same event, same key)."""
        if self.key:
            return self.key
        content = self.model_dump(mode="json", exclude={"key"}, exclude_none=True)
        digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
        return f"derived:{digest[:40]}"
