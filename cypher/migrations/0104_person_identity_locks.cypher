// createPerson serializes its duplicate check on a node per identity key (a hash of the
// normalized name and birth date, or of the student number): with this constraint, two
// transactions that MERGE the same key wait for each other instead of both passing the check.
CREATE CONSTRAINT identity_lock_key_unique IF NOT EXISTS
FOR (k:IdentityLock) REQUIRE k.key IS UNIQUE;
