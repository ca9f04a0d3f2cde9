// Tests of compiled reads: staff $employeeId, employed, holding one active grant at
// ($locationKind, $locationId) with Read, active from $from until $until: exactly what a
// compiled read's gate checks. Any earlier grant of theirs is removed.
MERGE (s:Staff {employeeId: $employeeId})
  ON CREATE SET s.id = randomUUID(), s.createdAt = $from, s.version = 1
SET s.employmentStatus = 'active', s.name = $employeeId
WITH s
OPTIONAL MATCH (s)-[:HOLDS]->(old:AccessGrant)
DETACH DELETE old
WITH DISTINCT s
CREATE (s)-[:HOLDS]->(g:AccessGrant {
  id: randomUUID(), status: 'active', track: $track, roleId: 'test-reader',
  locationKind: $locationKind, locationId: $locationId, locationName: $locationId,
  rights: ['R'], policyVersion: 'test', requirementsMetAt: $from, pendingSince: $from,
  activeBy: date($from), activatedAt: $from, expiresAt: $until, validThrough: date($until),
  version: 1
})
RETURN g.id AS grantId
