MATCH (s:Staff {employeeId: $employeeId})
MATCH (r:JobRole {id: $roleId})
CALL (s) {
  OPTIONAL MATCH (s)-[old:HAS_ROLE]->(:JobRole)
  WHERE old.endDate IS NULL
  SET old.endDate = $at
}
CREATE (s)-[:HAS_ROLE {startDate: $at, source: $source}]->(r)
RETURN r.id AS roleId
