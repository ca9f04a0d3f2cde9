// How often the audit trail records each grant transition of the staff whose employee id
// starts with $prefix.
MATCH (a:AuditEvent {kind: 'grant.transition'})
WHERE a.employeeId STARTS WITH $prefix
RETURN a.employeeId AS employeeId, a.grantId AS grantId, a.fromStatus AS fromStatus,
       a.toStatus AS toStatus, count(*) AS times
ORDER BY employeeId, times DESC
