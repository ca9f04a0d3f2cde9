// Commits in batches: allowed because the runner sends data statements auto-commit.
MATCH (n:MigrationProbe)
WHERE n.key IS NULL
CALL (n) {
  SET n.key = toUpper(n.name)
} IN TRANSACTIONS OF 2 ROWS
