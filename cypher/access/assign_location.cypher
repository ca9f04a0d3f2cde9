MATCH (s:Staff {employeeId: $employeeId})
OPTIONAL MATCH (school:School {id: $locationId})
OPTIONAL MATCH (team:CentralOfficeTeam {id: $locationId})
WITH s, coalesce(school, team) AS location
WHERE location IS NOT NULL
CALL (s) {
  OPTIONAL MATCH (s)-[old:WORKS_AT]->()
  WHERE old.endDate IS NULL
  SET old.endDate = $at
}
CREATE (s)-[:WORKS_AT {startDate: $at, source: $source}]->(location)
RETURN location.id AS locationId
