// Write-lock first, then read the version (see households/lock_household_for_update).
MATCH (p:Person {id: $personId})
SET p._lock = true
WITH p, p.version AS seen
SET p.version = seen + 1, p.updatedAt = $now, p.updatedBy = $actor
REMOVE p._lock
RETURN seen, p.mergedIntoId AS mergedIntoId
