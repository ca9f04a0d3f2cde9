// Every audit entry one staff member's requests left, in no particular order.
MATCH (a:AuditEvent {actor: $actor})
RETURN a {.*} AS entry
