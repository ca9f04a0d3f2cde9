// Between tests: remove every node but the migration records (constraints stay).
// Test databases are small, so one transaction is fine (and execute_query's transaction
// can't host CALL ... IN TRANSACTIONS).
MATCH (n)
WHERE NOT n:SchemaMigration
DETACH DELETE n
