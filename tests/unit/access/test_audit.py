from __future__ import annotations

from datetime import datetime

import pytest

from graph_service.db.audit import audit_entry
from tests.unit.access.builders import at


@pytest.mark.parametrize("field", ["token", "bearerToken", "jwt", "clientSecret", "Authorization"])
def test_audit_entries_refuse_credential_fields(field: str) -> None:
    with pytest.raises(ValueError, match="never hold credentials"):
        audit_entry("access.decision", at=at("2027-01-01 09:00"), actor="E1", **{field: "x"})


def test_audit_entries_drop_empty_values_and_store_utc() -> None:
    entry = audit_entry(
        "grant.transition", at=at("2027-01-01 09:00"), actor="E1", reason=None, grantId="g"
    )
    assert "reason" not in entry
    assert entry["grantId"] == "g"
    # The instant in UTC, as the text the append statement stores as a datetime.
    assert datetime.fromisoformat(entry["at"]) == at("2027-01-01 09:00")
    assert entry["at"].endswith("+00:00")
