// Undo a merge: move the MEMBER_OF edges it re-homed back to the merged record.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
MATCH (survivor)-[r:MEMBER_OF {mergeId: $mergeId}]->(other:Household)
CREATE (alias)-[n:MEMBER_OF]->(other)
SET n = properties(r), n.updatedAt = $now, n.updatedBy = $actor
REMOVE n.mergeId
DELETE r
WITH count(n) AS returned, collect(DISTINCT other) AS households
// Their households' listings follow their members.
CALL (households) {
  UNWIND households AS h
  // @include fragments/list_household_at_schools
}
RETURN returned
