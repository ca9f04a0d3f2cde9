// Feed events get the stable `id` every node carries (their `key` stays the idempotency key).
CREATE CONSTRAINT access_event_id_unique IF NOT EXISTS
FOR (n:AccessEvent) REQUIRE n.id IS UNIQUE;
