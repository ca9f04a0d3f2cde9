// A migration shaped like one that adds an index and then fills in what it indexes: schema
// first, then a data statement that commits in batches (allowed: it runs auto-commit).
CREATE INDEX migration_probe_key IF NOT EXISTS FOR (n:MigrationProbe) ON (n.key);
CREATE CONSTRAINT migration_probe_name_unique IF NOT EXISTS
FOR (n:MigrationProbe) REQUIRE n.name IS UNIQUE;
MATCH (n:MigrationProbe)
WHERE n.key IS NULL
CALL (n) {
  SET n.key = toUpper(n.name)
} IN TRANSACTIONS OF 2 ROWS;
