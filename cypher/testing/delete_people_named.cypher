// The people testing/create_people_named made, in batches (auto-commit only).
MATCH (p:Person {lastNameKey: $lastNameKey})
CALL (p) {
  DETACH DELETE p
} IN TRANSACTIONS OF 20000 ROWS
