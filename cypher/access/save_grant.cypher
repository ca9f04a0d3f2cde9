MATCH (s:Staff {employeeId: $employeeId})
MERGE (g:AccessGrant {id: $grantId})
  ON CREATE SET g.createdAt = $now, g.version = 0
SET g += $grant,
    g.updatedAt = $now,
    g.version = g.version + 1
MERGE (s)-[:HOLDS]->(g)
WITH g
OPTIONAL MATCH (school:School {id: $grant.locationId})
OPTIONAL MATCH (team:CentralOfficeTeam {id: $grant.locationId})
WITH g, coalesce(school, team) AS location
CALL (g, location) {
  WITH g, location
  WHERE location IS NOT NULL
  MERGE (g)-[:COVERS]->(location)
}
RETURN g.id AS id
