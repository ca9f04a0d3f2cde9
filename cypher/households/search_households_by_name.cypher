// Name-prefix search, keyset-paged on (nameKey, id) after the cursor.
// With $schoolIds, only households a grant for those schools covers on $onDate (the access
// decision still confirms each one); null for no narrowing.
MATCH (h:Household)
WHERE h.nameKey STARTS WITH $prefix
  AND (h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId))
WITH h, $schoolIds AS scopeSchoolIds
WHERE scopeSchoolIds IS NULL
  OR
  // @include fragments/household_in_school_scope
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN h {.*, createdAtSchoolId: school.id} AS household
ORDER BY h.nameKey, h.id
LIMIT $limit
