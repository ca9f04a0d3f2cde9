// Take the write lock of each identity key (IdentityKey.lock_keys, sorted so that concurrent
// lockers queue in one order), creating its node the first time. Run before the duplicate
// check in the same transaction: a second create of the same person waits here until the
// first commits, and its check then sees the first's record. The nodes hold no personal data.
UNWIND $keys AS key
MERGE (k:IdentityLock {key: key})
  ON CREATE SET k.id = randomUUID()
SET k._lock = true
REMOVE k._lock
RETURN count(k) AS locked
