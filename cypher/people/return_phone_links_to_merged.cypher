// Undo a merge: move the HAS_PHONE edges it re-homed back to the merged record.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
MATCH (survivor)-[r:HAS_PHONE {mergeId: $mergeId}]->(other:Phone)
CREATE (alias)-[n:HAS_PHONE]->(other)
SET n = properties(r), n.updatedAt = $now, n.updatedBy = $actor
REMOVE n.mergeId
DELETE r
RETURN count(n) AS returned
