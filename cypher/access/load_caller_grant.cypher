// One indexed lookup (unique employeeId) for the caller's active grant, once per request.
MATCH (s:Staff {employeeId: $employeeId})
CALL (s) {
  OPTIONAL MATCH (s)-[:HOLDS]->(g:AccessGrant)
    WHERE g.status = 'active'
  WITH g
  ORDER BY g.activatedAt DESC
  LIMIT 1
  RETURN g {.*} AS grant
}
RETURN s.employmentStatus AS employmentStatus, grant
