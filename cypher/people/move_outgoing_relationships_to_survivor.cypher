// Merge: re-home the listed RELATED_TO edges from the merged record onto the survivor. Neo4j
// can't change an edge's end, so the edge is copied whole (its id too) and the original
// removed; the copy carries mergeId so undoing the merge moves exactly these back.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
UNWIND $edgeIds AS edgeId
MATCH (alias)-[r:RELATED_TO {id: edgeId}]->(other:Person)
CREATE (survivor)-[n:RELATED_TO]->(other)
SET n = properties(r), n.mergeId = $mergeId, n.updatedAt = $now, n.updatedBy = $actor
DELETE r
RETURN count(n) AS moved
