// Write-lock first, then read the version: a concurrent writer waits here and then sees the
// committed version, so two writers can't both pass the expectedVersion check.
MATCH (h:Household {id: $householdId})
SET h._lock = true
WITH h, h.version AS seen
SET h.version = seen + 1, h.updatedAt = $now, h.updatedBy = $actor
REMOVE h._lock
RETURN seen
