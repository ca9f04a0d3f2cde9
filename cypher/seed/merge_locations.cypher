// Bulk load: LOCATED_AT edges by id, to the Address of the normalized key.
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId}), (a:Address {normalizedKey: row.addressKey})
MERGE (h)-[l:LOCATED_AT {id: row.id}]->(a)
ON CREATE SET l.startDate = row.startDate, l.endDate = row.endDate, l.physical = row.physical,
  l.mailing = row.mailing, l.secondary = row.secondary, l.private = row.private,
  l.createdAt = $now, l.createdBy = $actor, l.updatedAt = $now, l.updatedBy = $actor,
  l.version = 1
RETURN collect(row.id) AS written
