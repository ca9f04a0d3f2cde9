// The trail for one staff member (or everyone when $employeeId is null), oldest first.
MATCH (a:AuditEvent)
WHERE $employeeId IS NULL OR a.employeeId = $employeeId
RETURN a {.*} AS entry
ORDER BY a.at, a.kind
LIMIT $limit
