// Only the holder releases; a holder whose time ran out (and whose lease another process
// took since) changes nothing.
MATCH (lease:Lease {name: $name})
WHERE lease.holder = $holder
SET lease.holder = null,
    lease.expiresAt = null,
    lease.lastHolder = $holder,
    lease.releasedAt = datetime()
