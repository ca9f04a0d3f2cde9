// Bulk load: the school a household was created at (scopes it before anyone enrols).
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId}), (s:School {id: row.schoolId})
MERGE (h)-[:CREATED_AT]->(s)
RETURN collect(row.householdId) AS written
