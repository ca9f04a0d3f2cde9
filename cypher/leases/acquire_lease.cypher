// Take the lease when nobody holds it (or the holder's time ran out), and, for work done once
// per period ($everySeconds), only when the period is due. Times are the database's, so the
// clocks of the processes (or a pinned one) don't matter.
MERGE (lease:Lease {name: $name})
// Writing takes the node's lock: a second process waits here until the first commits, and
// then reads what the first wrote (the Cypher manual's idiom against lost updates).
SET lease._LOCK_ = true
WITH lease, datetime() AS now
WITH lease, now,
     (lease.holder IS NULL OR lease.expiresAt <= now)
     AND ($everySeconds IS NULL OR lease.nextDueAt IS NULL OR lease.nextDueAt <= now)
     AS granted
CALL (lease, now, granted) {
  WITH lease, now
  WHERE granted
  SET lease.holder = $holder,
      lease.acquiredAt = now,
      lease.expiresAt = now + duration({seconds: $seconds}),
      lease.nextDueAt = CASE
        WHEN $everySeconds IS NULL THEN lease.nextDueAt
        ELSE now + duration({seconds: $everySeconds})
      END
}
REMOVE lease._LOCK_
RETURN granted, lease.holder AS holder, lease.acquiredAt AS acquiredAt,
       lease.expiresAt AS expiresAt
