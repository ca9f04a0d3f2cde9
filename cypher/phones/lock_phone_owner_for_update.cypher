// The owner is a Household or a Person; write-lock it, then read and bump its version.
OPTIONAL MATCH (h:Household {id: $ownerId})
OPTIONAL MATCH (p:Person {id: $ownerId})
WITH coalesce(h, p) AS owner
WHERE owner IS NOT NULL
SET owner._lock = true
WITH owner, owner.version AS seen
SET owner.version = seen + 1, owner.updatedAt = $now, owner.updatedBy = $actor
REMOVE owner._lock
RETURN seen
