// Households with a member (ever) whose last name starts with $lastPrefix and first name
// with $firstPrefix, keyset-paged on (nameKey, id).
// With $schoolIds, only households a grant for those schools covers on $onDate (the access
// decision still confirms each one); null for no narrowing.
MATCH (p:Person)-[:MEMBER_OF]->(h:Household)
WHERE p.lastNameKey STARTS WITH $lastPrefix AND p.firstNameKey STARTS WITH $firstPrefix
WITH DISTINCT h
WHERE h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId)
WITH h, $schoolIds AS scopeSchoolIds
WHERE scopeSchoolIds IS NULL
  OR
  // @include fragments/household_in_school_scope
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN h {.*, createdAtSchoolId: school.id} AS household
ORDER BY h.nameKey, h.id
LIMIT $limit
