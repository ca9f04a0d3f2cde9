// Merge: re-home the listed MEMBER_OF edges from the merged record onto the survivor. Neo4j
// can't change an edge's end, so the edge is copied whole (its id too) and the original
// removed; the copy carries mergeId so undoing the merge moves exactly these back.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
UNWIND $edgeIds AS edgeId
MATCH (alias)-[r:MEMBER_OF {id: edgeId}]->(other:Household)
CREATE (survivor)-[n:MEMBER_OF]->(other)
SET n = properties(r), n.mergeId = $mergeId, n.updatedAt = $now, n.updatedBy = $actor
DELETE r
WITH count(n) AS moved, collect(DISTINCT other) AS households
// Their households' listings follow their members.
CALL (households) {
  UNWIND households AS h
  // @include fragments/list_household_at_schools
}
RETURN moved
