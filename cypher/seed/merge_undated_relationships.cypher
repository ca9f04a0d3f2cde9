// Bulk load: RELATED_TO edges without a start day (a census-rule break an export may hold),
// merged on their id: a MERGE can't match on a missing value. There are few of them.
// The hints keep the index seeks when a fresh database's statistics say the labels are
// empty (a plan cached then would scan every node for each row).
UNWIND $rows AS row
MATCH (a:Person {id: row.fromId}), (b:Person {id: row.toId})
USING INDEX a:Person(id) USING INDEX b:Person(id)
MERGE (a)-[r:RELATED_TO {id: row.id}]->(b)
ON CREATE SET r.type = row.type, r.guardian = row.guardian, r.mailing = row.mailing,
  r.portal = row.portal, r.messenger = row.messenger,
  r.emergencyPriority = row.emergencyPriority, r.livesWith = row.livesWith,
  r.contactRestrictions = row.contactRestrictions, r.private = row.private,
  r.comments = row.comments, r.startDate = row.startDate, r.endDate = row.endDate,
  r.createdAt = $now, r.createdBy = $actor, r.updatedAt = $now, r.updatedBy = $actor,
  r.version = 1
RETURN collect(row.id) AS written
