// Undo a merge: move the ENROLLED_AT edges it re-homed back to the merged record.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
MATCH (survivor)-[r:ENROLLED_AT {mergeId: $mergeId}]->(other:School)
CREATE (alias)-[n:ENROLLED_AT]->(other)
SET n = properties(r), n.updatedAt = $now, n.updatedBy = $actor
REMOVE n.mergeId
DELETE r
WITH count(n) AS returned, collect(DISTINCT alias) + collect(DISTINCT survivor) AS people
// Both records' households' listings follow the enrolments.
CALL (people) {
  UNWIND people AS member
  MATCH (member)-[:MEMBER_OF]->(h:Household)
  WITH DISTINCT h
  // @include fragments/list_household_at_schools
}
RETURN returned
