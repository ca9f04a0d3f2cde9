// Bulk load: RELATED_TO edges (from is to's type), with create_relationship's properties.
// Merged on type and start day between the two people, not on the id (see merge_memberships);
// the rare edge without a start day goes through merge_undated_relationships.
// The hints keep the index seeks when a fresh database's statistics say the labels are
// empty (a plan cached then would scan every node for each row).
UNWIND $rows AS row
MATCH (a:Person {id: row.fromId}), (b:Person {id: row.toId})
USING INDEX a:Person(id) USING INDEX b:Person(id)
MERGE (a)-[r:RELATED_TO {type: row.type, startDate: row.startDate}]->(b)
ON CREATE SET r.id = row.id, r.guardian = row.guardian, r.mailing = row.mailing,
  r.portal = row.portal, r.messenger = row.messenger,
  r.emergencyPriority = row.emergencyPriority, r.livesWith = row.livesWith,
  r.contactRestrictions = row.contactRestrictions, r.private = row.private,
  r.comments = row.comments, r.endDate = row.endDate,
  r.createdAt = $now, r.createdBy = $actor, r.updatedAt = $now, r.updatedBy = $actor,
  r.version = 1
RETURN collect(row.id) AS written
