MATCH (a:AuditEvent {kind: $kind, actor: $actor})
RETURN count(a) AS count
