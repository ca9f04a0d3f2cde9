// The write an idempotency key recorded, unless it has expired.
MATCH (write:IdempotentWrite {key: $key})
WHERE write.createdAt >= $expiredBefore
RETURN write.fingerprint AS fingerprint, write.outcomeId AS outcomeId
