// Bulk load: ENROLLED_AT edges, with enrol_person's properties.
// Merged on the edge's start day between its two ends, not on its id: an id pattern lets the
// planner pick the edge-id index, and a plan cached while that index was nearly empty made a
// fresh load crawl (150 s for 15,000 phone links). The id is set when the edge is created.
// The hints keep the index seeks when a fresh database's statistics say the labels are
// empty (a plan cached then would scan every node for each row).
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}), (s:School {id: row.schoolId})
USING INDEX p:Person(id) USING INDEX s:School(id)
MERGE (p)-[e:ENROLLED_AT {startDate: row.startDate}]->(s)
ON CREATE SET e.id = row.id, e.endDate = row.endDate, e.grade = row.grade,
  e.createdAt = $now, e.createdBy = $actor, e.updatedAt = $now, e.updatedBy = $actor,
  e.version = 1
WITH collect(row.id) AS written, collect(DISTINCT p) AS people
// The enrolled people's households are listed at their schools.
CALL (people) {
  UNWIND people AS member
  MATCH (member)-[:MEMBER_OF]->(h:Household)
  WITH DISTINCT h
  // @include fragments/list_household_at_schools
}
RETURN written
