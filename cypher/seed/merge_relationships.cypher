// Bulk load: RELATED_TO edges by id (from is to's type), with create_relationship's properties.
UNWIND $rows AS row
MATCH (a:Person {id: row.fromId}), (b:Person {id: row.toId})
MERGE (a)-[r:RELATED_TO {id: row.id}]->(b)
ON CREATE SET r.type = row.type, r.guardian = row.guardian, r.mailing = row.mailing,
  r.portal = row.portal, r.messenger = row.messenger,
  r.emergencyPriority = row.emergencyPriority, r.livesWith = row.livesWith,
  r.contactRestrictions = row.contactRestrictions, r.private = row.private,
  r.comments = row.comments, r.startDate = row.startDate, r.endDate = row.endDate,
  r.createdAt = $now, r.createdBy = $actor, r.updatedAt = $now, r.updatedBy = $actor,
  r.version = 1
RETURN collect(row.id) AS written
