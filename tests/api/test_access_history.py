"""Point-in-time access status and the access timeline over HTTP (issue 13)."""

from __future__ import annotations

from typing import Any

from graph_service.auth.principal import PlatformRole

STATUS = """query($id: String!, $asOf: DateTime) {
  accessStatus(employeeId: $id, asOf: $asOf) { status location lostReason asOf }
}"""
HISTORY = """query($id: String!) {
  accessHistory(employeeId: $id) {
    name grants { location status changes { kind effectiveAt recordedAt reason actor } }
  }
}"""


def test_access_status_as_of_a_past_instant_is_what_held_then(as_staff: Any) -> None:
    admin = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
    # E-REVOKED was active at Lincoln High from Aug 12 until moved to Payroll on Sep 1.
    before = admin.data(STATUS, id="E-REVOKED", asOf="2026-08-20T12:00:00")["accessStatus"]
    assert (before["status"], before["location"]) == ("active", "Lincoln High")
    assert before["asOf"].startswith("2026-08-20T12:00:00-05:00")
    moved = admin.data(STATUS, id="E-REVOKED", asOf="2026-09-01T14:00:00Z")["accessStatus"]
    assert moved["status"] == "revoked"
    assert "location changed to Payroll" in moved["lostReason"]
    unknown_then = admin.data(STATUS, id="E-REVOKED", asOf="2026-08-01T00:00:00-05:00")
    assert unknown_then["accessStatus"]["status"] == "none"  # hired on Aug 3


def test_a_staff_member_may_ask_their_own_history_and_no_one_elses(as_staff: Any) -> None:
    clerk = as_staff("revoked")
    own = clerk.data(STATUS, id="E-REVOKED", asOf="2026-08-20T12:00:00-05:00")
    assert own["accessStatus"]["status"] == "active"
    history = clerk.data(HISTORY, id="E-REVOKED")["accessHistory"]
    [grant] = history["grants"]
    assert grant["location"] == "Lincoln High"
    assert [c["kind"] for c in grant["changes"]] == ["pending", "active", "revoked"]
    assert grant["changes"][0]["effectiveAt"].startswith("2026-08-10T14:00:00")  # 09:00 CDT
    assert "location changed to Payroll" in grant["changes"][-1]["reason"]
    assert grant["changes"][1]["actor"] == "provisioning"
    for query in (STATUS, HISTORY):
        body = clerk.post(query, id="E-LINCOLN-OFFICE")
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


def test_as_of_outside_the_kept_dates_is_bad_input(as_staff: Any) -> None:
    admin = as_staff("E-ADMIN", PlatformRole.ACCESS_ADMIN)
    body = admin.post(STATUS, id="E-REVOKED", asOf="1700-01-01T00:00:00Z")
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"].get("field") == "asOf", error
