// Between tests: remove every node but the migration records (constraints stay).
MATCH (n)
WHERE NOT n:SchemaMigration
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
