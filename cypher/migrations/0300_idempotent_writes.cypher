// A mutation sent with an Idempotency-Key records the key in its own transaction; the
// uniqueness constraint is what makes a concurrent retry with the same key wait for the first
// and then find it, instead of applying the write twice.
CREATE CONSTRAINT idempotent_write_key_unique IF NOT EXISTS
FOR (n:IdempotentWrite) REQUIRE n.key IS UNIQUE;
// Keys expire (see graph_service/db/idempotency.py): expired ones are purged by age.
CREATE INDEX idempotent_write_created_at IF NOT EXISTS
FOR (n:IdempotentWrite) ON (n.createdAt);
