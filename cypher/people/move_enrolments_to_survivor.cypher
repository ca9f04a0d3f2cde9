// Merge: re-home the listed ENROLLED_AT edges from the merged record onto the survivor. Neo4j
// can't change an edge's end, so the edge is copied whole (its id too) and the original
// removed; the copy carries mergeId so undoing the merge moves exactly these back.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
UNWIND $edgeIds AS edgeId
MATCH (alias)-[r:ENROLLED_AT {id: edgeId}]->(other:School)
CREATE (survivor)-[n:ENROLLED_AT]->(other)
SET n = properties(r), n.mergeId = $mergeId, n.updatedAt = $now, n.updatedBy = $actor
DELETE r
WITH count(n) AS moved, collect(DISTINCT alias) + collect(DISTINCT survivor) AS people
// Both records' households' listings follow the enrolments.
CALL (people) {
  UNWIND people AS member
  MATCH (member)-[:MEMBER_OF]->(h:Household)
  WITH DISTINCT h
  // @include fragments/list_household_at_schools
}
RETURN moved
