// Bulk load: LOCATED_AT edges to the Address of the normalized key.
// Merged on the edge's start day between its two ends, not on its id: an id pattern lets the
// planner pick the edge-id index, and a plan cached while that index was nearly empty made a
// fresh load crawl (150 s for 15,000 phone links). The id is set when the edge is created.
// The hints keep the index seeks when a fresh database's statistics say the labels are
// empty (a plan cached then would scan every node for each row).
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId}), (a:Address {normalizedKey: row.addressKey})
USING INDEX h:Household(id) USING INDEX a:Address(normalizedKey)
MERGE (h)-[l:LOCATED_AT {startDate: row.startDate}]->(a)
ON CREATE SET l.id = row.id, l.endDate = row.endDate, l.physical = row.physical,
  l.mailing = row.mailing, l.secondary = row.secondary, l.private = row.private,
  l.createdAt = $now, l.createdBy = $actor, l.updatedAt = $now, l.updatedBy = $actor,
  l.version = 1
RETURN collect(row.id) AS written
