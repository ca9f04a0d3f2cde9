// Bulk load: MEMBER_OF edges by id, with create_membership's properties.
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}), (h:Household {id: row.householdId})
MERGE (p)-[m:MEMBER_OF {id: row.id}]->(h)
ON CREATE SET m.startDate = row.startDate, m.endDate = row.endDate,
  m.secondary = row.secondary, m.private = row.private,
  m.createdAt = $now, m.createdBy = $actor, m.updatedAt = $now, m.updatedBy = $actor,
  m.version = 1
RETURN collect(row.id) AS written
