// Undo a merge: move the MEMBER_OF edges it re-homed back to the merged record.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
MATCH (survivor)-[r:MEMBER_OF {mergeId: $mergeId}]->(other:Household)
CREATE (alias)-[n:MEMBER_OF]->(other)
SET n = properties(r), n.updatedAt = $now, n.updatedBy = $actor
REMOVE n.mergeId
DELETE r
RETURN count(n) AS returned
