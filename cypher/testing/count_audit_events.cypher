MATCH (a:AuditEvent {kind: $kind})
RETURN count(a) AS count
