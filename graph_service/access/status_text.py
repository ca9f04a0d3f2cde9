"""The access status as text a staff member can read on their own ("Did you lose access?")."""

from __future__ import annotations

import textwrap
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from graph_service.access.as_of import local_text
from graph_service.access.status import RIGHT_NAMES, AccessStatus

_HEADLINES = {
    "active": "ACTIVE: you can use the Census Household tool.",
    "pending": "PENDING: your requirements are met and access is being provisioned.",
    "none": "NO ACCESS: you have not been granted household access yet.",
    "expired": "EXPIRED: your household access has ended.",
    "revoked": "REVOKED: your household access has ended.",
}
_REHIRED = "NO ACCESS: you have not been granted household access since you rejoined the district."
_DEPARTURE = "revoked: left district employment"


def _day(value: date | None) -> str:
    return f"{value:%a %b %-d, %Y}" if value else "-"


def _zone(status: AccessStatus) -> ZoneInfo:
    zone: tzinfo | None = status.as_of.tzinfo
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo("UTC")


def _instant(value: datetime | None, zone: ZoneInfo) -> str:
    return local_text(value, zone) if value is not None else "-"


def rejoined(status: AccessStatus) -> bool:
    """True when the last grant ended with a departure and the person is employed again: that
    grant is history, and the headline speaks of now."""
    employed = any(item.key == "employment" and item.met for item in status.checklist)
    return status.status == "revoked" and status.lost_reason == _DEPARTURE and employed


def render_status(status: AccessStatus, zone: ZoneInfo | None = None) -> str:
    """Several short sections: headline, what you have, dates, checklist, next steps, help.
    Instants are given in `zone` (the district's), with their offset."""
    zone = zone or _zone(status)
    headline = _REHIRED if rejoined(status) else _HEADLINES[status.status]
    lines = [
        f"Household access for {status.name} ({status.employee_id})",
        f"As of {_instant(status.as_of, zone)}",
        "",
        f"Status:    {headline}",
    ]
    if status.track:
        lines.append(f"Track:     {status.track} at {status.location or '-'}")
    if status.rights:
        lines.append(f"Rights:    {', '.join(RIGHT_NAMES[r] for r in status.rights)}")
    if status.scope:
        lines.append(f"Scope:     {status.scope}")
    if status.lost_on and rejoined(status):
        lines.append(
            f"Earlier:   access ended on {_day(status.lost_on)}, when you left the district"
        )
    elif status.lost_on:
        reason = (status.lost_reason or "").split(": ", 1)[-1]
        lines.append(f"Lost on:   {_day(status.lost_on)}")
        lines.append(f"Why:       {reason[:1].upper()}{reason[1:]}.")
    dates = _dates(status, zone)
    if dates:
        lines += ["", "Dates:"] + [f"  {label:<22}{value}" for label, value in dates]
    lines += ["", "Requirements:"]
    for item in status.checklist:
        mark = "[x]" if item.met else "[ ]"
        evidence = (
            f" (completed {_day(_local_day(item.evidence_at, zone))})" if item.evidence_at else ""
        )
        if item.key == "approval" and item.evidence_at:
            evidence = f" (given {_day(_local_day(item.evidence_at, zone))})"
        note = f" - {item.note}" if item.note else ""
        lines.append(f"  {mark} {item.label}{evidence}{note}")
    lines += ["", "What to do next:"] + [f"  - {step}" for step in status.next_steps]
    support = status.support
    contact = " / ".join(v for v in (support.email, support.phone, support.url) if v)
    lines += [
        "",
        f"Questions? {support.name}: {contact}",
        f"Policy version {status.policy_version}",
    ]
    return "\n".join(_wrap(line) for line in lines)


def _wrap(line: str, width: int = 96) -> str:
    """Long lines continue under their own text, not under the label or the bullet."""
    if len(line) <= width:
        return line
    stripped = line.lstrip()
    indent = len(line) - len(stripped)
    if stripped.startswith("- "):
        indent += 2
    elif stripped.startswith(("[x] ", "[ ] ")):
        indent += 4
    elif line[:11].endswith("   ") or line.startswith("Questions?"):
        indent = 11
    return textwrap.fill(line, width=width, subsequent_indent=" " * indent)


def _dates(status: AccessStatus, zone: ZoneInfo) -> list[tuple[str, str]]:
    dates = []
    if status.granted_on:
        dates.append(("Granted", _day(status.granted_on)))
    if status.active_by:
        dates.append(("Active by (latest)", _day(status.active_by)))
    if status.active_since:
        dates.append(("Active since", _day(status.active_since)))
    if status.valid_through:
        dates.append(("Valid through", _day(status.valid_through)))
    if status.expires_at:
        dates.append(("Access ends", _instant(status.expires_at, zone)))
    if status.quiz_window_opens and status.quiz_due:
        window = f"{_day(status.quiz_window_opens)} to {_day(status.quiz_due)}"
        dates.append(("Recertification quiz", window))
    if status.quiz_completed_on:
        dates.append(("Last quiz completed", _day(status.quiz_completed_on)))
    return dates


def _local_day(value: datetime, zone: ZoneInfo) -> date:
    return value.astimezone(zone).date()
