// Every grant of a staff member with each recorded transition (from the append-only audit
// trail), oldest first.
MATCH (s:Staff {employeeId: $employeeId})
OPTIONAL MATCH (s)-[:HOLDS]->(g:AccessGrant)
CALL (g) {
  OPTIONAL MATCH (a:AuditEvent {employeeId: $employeeId, kind: 'grant.transition'})
  WHERE a.grantId = g.id
  WITH a
  ORDER BY a.at, coalesce(a.step, 0)
  RETURN collect(a {.fromStatus, .toStatus, .effectiveAt, .at, .actor, .reason,
                    .policyVersion}) AS changes
}
WITH s, g, changes
ORDER BY g.pendingSince
RETURN coalesce(s.name, s.employeeId) AS name,
       collect(CASE WHEN g IS NULL THEN null ELSE g {.id, .track, .locationName, .locationKind,
                                                      .status, changes: changes} END) AS grants
