// Bulk load: MEMBER_OF edges, with create_membership's properties.
// Merged on the edge's start day between its two ends, not on its id: an id pattern lets the
// planner pick the edge-id index, and a plan cached while that index was nearly empty made a
// fresh load crawl (150 s for 15,000 phone links). The id is set when the edge is created.
// The hints keep the index seeks when a fresh database's statistics say the labels are
// empty (a plan cached then would scan every node for each row).
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}), (h:Household {id: row.householdId})
USING INDEX p:Person(id) USING INDEX h:Household(id)
MERGE (p)-[m:MEMBER_OF {startDate: row.startDate}]->(h)
ON CREATE SET m.id = row.id, m.endDate = row.endDate,
  m.secondary = row.secondary, m.private = row.private,
  m.createdAt = $now, m.createdBy = $actor, m.updatedAt = $now, m.updatedBy = $actor,
  m.version = 1
WITH collect(row.id) AS written, collect(DISTINCT h) AS households
CALL (households) {
  UNWIND households AS h
  // @include fragments/list_household_at_schools
}
RETURN written
