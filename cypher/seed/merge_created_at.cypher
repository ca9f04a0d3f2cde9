// Bulk load: the school a household was created at (scopes it before anyone enrols).
// The hints keep the index seeks when a fresh database's statistics say the labels are
// empty (a plan cached then would scan every node for each row).
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId}), (s:School {id: row.schoolId})
USING INDEX h:Household(id) USING INDEX s:School(id)
MERGE (h)-[:CREATED_AT]->(s)
WITH collect(row.householdId) AS written, collect(DISTINCT h) AS households
CALL (households) {
  UNWIND households AS h
  // @include fragments/list_household_at_schools
}
RETURN written
