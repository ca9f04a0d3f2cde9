// Undo a merge: move the ENROLLED_AT edges it re-homed back to the merged record.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
MATCH (survivor)-[r:ENROLLED_AT {mergeId: $mergeId}]->(other:School)
CREATE (alias)-[n:ENROLLED_AT]->(other)
SET n = properties(r), n.updatedAt = $now, n.updatedBy = $actor
REMOVE n.mergeId
DELETE r
RETURN count(n) AS returned
