// Write-lock first, then read the version (see households/lock_household_for_update).
MATCH (:Person)-[r:RELATED_TO {id: $relationshipId}]->(:Person)
SET r._lock = true
WITH r, r.version AS seen
SET r.version = seen + 1, r.updatedAt = $now, r.updatedBy = $actor
REMOVE r._lock
RETURN seen, r {.*, fromPersonId: startNode(r).id, toPersonId: endNode(r).id} AS relationship
