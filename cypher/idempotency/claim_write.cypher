// First in the write's transaction: an expired record of the same key gives way, a few other
// expired ones are purged, and the key is claimed. A concurrent claim of the same key waits
// on the constraint until this transaction ends, then fails (and finds this record).
OPTIONAL MATCH (stale:IdempotentWrite {key: $key})
WHERE stale.createdAt < $expiredBefore
DETACH DELETE stale
WITH count(*) AS _
CALL () {
  MATCH (old:IdempotentWrite)
  WHERE old.createdAt < $expiredBefore
  WITH old LIMIT 100
  DETACH DELETE old
}
CREATE (:IdempotentWrite {
  key: $key, fingerprint: $fingerprint, operation: $operation, createdBy: $actor,
  createdAt: $now
})
