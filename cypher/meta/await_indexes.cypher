// Waits until every index and constraint is ONLINE; one that FAILED to populate raises.
CALL db.awaitIndexes($timeoutSeconds)
