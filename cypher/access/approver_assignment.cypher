// Who the approver is now: employment, current role and current location.
MATCH (s:Staff {employeeId: $approverId})
OPTIONAL MATCH (s)-[hasRole:HAS_ROLE]->(role:JobRole)
  WHERE hasRole.endDate IS NULL
OPTIONAL MATCH (s)-[worksAt:WORKS_AT]->(location)
  WHERE worksAt.endDate IS NULL
RETURN s.employmentStatus AS employmentStatus, role.id AS roleId, location.id AS locationId
