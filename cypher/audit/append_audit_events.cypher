// Append-only: no statement anywhere updates or deletes an AuditEvent.
UNWIND $events AS event
CREATE (a:AuditEvent)
SET a = event
RETURN count(a) AS appended
