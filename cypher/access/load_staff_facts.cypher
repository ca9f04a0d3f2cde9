// One row per staff member found among $employeeIds (the sweep loads them in batches).
UNWIND $employeeIds AS employeeId
MATCH (s:Staff {employeeId: employeeId})
OPTIONAL MATCH (s)-[hasRole:HAS_ROLE]->(role:JobRole)
  WHERE hasRole.endDate IS NULL
OPTIONAL MATCH (s)-[worksAt:WORKS_AT]->(location)
  WHERE worksAt.endDate IS NULL
CALL (s) {
  OPTIONAL MATCH (s)-[:HAD_EVENT]->(e:AccessEvent)
    WHERE e.type IN $evidenceTypes
  RETURN collect(e {.type, .courseId, .schoolId, .approverId, .approverRole, .occurredAt})
    AS evidence
}
CALL (s) {
  OPTIONAL MATCH (s)-[:HOLDS]->(g:AccessGrant)
  WITH g
  // At most one grant is live at a time, and it is the latest: a revocation and the grant
  // that replaces it can share an instant, so liveness breaks the tie.
  ORDER BY g.pendingSince DESC, g.status IN ['pending', 'active'] DESC
  LIMIT 1
  RETURN g {.*} AS grant
}
RETURN s {.employeeId, .name, .email, .employmentStatus, .requirementsResetAt} AS staff,
       role {.id, .name, .category, .officeProfessional} AS role,
       location {.id, .name, .approvedForHouseholdAccess, isSchool: location:School} AS location,
       evidence,
       grant
