// Bulk load: HAS_PHONE edges from a Household to the Phone of the number.
// Merged on the edge's start day between its two ends, not on its id: an id pattern lets the
// planner pick the edge-id index, and a plan cached while that index was nearly empty made a
// fresh load crawl (150 s for 15,000 phone links). The id is set when the edge is created.
// The hints keep the index seeks when a fresh database's statistics say the labels are
// empty (a plan cached then would scan every node for each row).
UNWIND $rows AS row
MATCH (o:Household {id: row.ownerId}), (ph:Phone {number: row.number})
USING INDEX o:Household(id) USING INDEX ph:Phone(number)
MERGE (o)-[l:HAS_PHONE {startDate: row.startDate}]->(ph)
ON CREATE SET l.id = row.id, l.priority = row.priority, l.private = row.private,
  l.endDate = row.endDate,
  l.createdAt = $now, l.createdBy = $actor, l.updatedAt = $now, l.updatedBy = $actor,
  l.version = 1
RETURN collect(row.id) AS written
