from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from graph_service.access.events import AccessEventIn

BASE: dict[str, Any] = {
    "employeeId": "E1",
    "source": "lms",
    "occurredAt": "2026-09-01T09:00:00-05:00",
}


def make(**fields: Any) -> AccessEventIn:
    return AccessEventIn.model_validate(BASE | fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"type": "course-completed"}, "a course-completed event needs courseId"),
        ({"type": "hired", "roleId": "r"}, "a hired event needs name, locationId"),
        ({"type": "approval-given", "schoolId": "s"}, "needs approverId, approverRole"),
        ({"type": "rehired"}, "a rehired event needs roleId, locationId"),
        ({"type": "promoted"}, r"type\s+Input should be 'course-completed'"),
        ({"type": "departed", "occurredAt": "2026-09-01T09:00:00"}, "timezone"),
        ({"type": "departed", "email": "not-an-email"}, r"email\s+String should match"),
        ({"type": "departed", "password": "x"}, r"password\s+Extra inputs are not permitted"),
    ],
)
def test_events_need_their_fields(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make(**fields)


def test_quiz_and_departure_need_nothing_more() -> None:
    assert make(type="quiz-completed").course_id is None
    assert make(type="departed").type == "departed"


def test_derived_key_is_stable_and_content_sensitive() -> None:
    first = make(type="course-completed", courseId="FERPA-101")
    same = make(type="course-completed", courseId="FERPA-101")
    other = make(type="course-completed", courseId="CENSUS-HH-201")
    assert first.idempotency_key == same.idempotency_key
    assert first.idempotency_key != other.idempotency_key
    assert first.idempotency_key.startswith("derived:")


def test_feed_key_wins() -> None:
    assert make(type="departed", key="hr-77").idempotency_key == "hr-77"
