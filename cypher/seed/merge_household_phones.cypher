// Bulk load: HAS_PHONE edges by id from a Household to the Phone of the number.
UNWIND $rows AS row
MATCH (o:Household {id: row.ownerId}), (ph:Phone {number: row.number})
MERGE (o)-[l:HAS_PHONE {id: row.id}]->(ph)
ON CREATE SET l.priority = row.priority, l.private = row.private, l.startDate = row.startDate,
  l.endDate = row.endDate,
  l.createdAt = $now, l.createdBy = $actor, l.updatedAt = $now, l.updatedBy = $actor,
  l.version = 1
RETURN collect(row.id) AS written
