// Undo a merge: move the RELATED_TO edges it re-homed back to the merged record.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
MATCH (survivor)-[r:RELATED_TO {mergeId: $mergeId}]->(other:Person)
CREATE (alias)-[n:RELATED_TO]->(other)
SET n = properties(r), n.updatedAt = $now, n.updatedBy = $actor
REMOVE n.mergeId
DELETE r
RETURN count(n) AS returned
