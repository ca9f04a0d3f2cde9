// Append-only: no statement anywhere updates or deletes an AuditEvent. An entry already
// recorded under its id (a batch sent again after its commit's answer was lost in an outage)
// is kept exactly as it was, so an append is safe to send again.
UNWIND $events AS event
MERGE (a:AuditEvent {id: event.id})
  // `at` arrives as ISO-8601 text (db/audit.py) and is stored as an instant.
  ON CREATE SET a = event, a.at = datetime(event.at)
RETURN count(a) AS appended
