// After a load: forget the plans made while the database was filling up (the staff story's
// statements, planned at a few hundred nodes), which Neo4j would otherwise replace one by one
// during the measurement as it notices the statistics have moved.
CALL db.clearQueryCaches()
