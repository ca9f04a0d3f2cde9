// Households ever located at an address whose street key ("12 MAIN ST", "PO BOX 7") starts
// with $prefix, or holds $streetName as a word run ("MAIN ST" typed without a number);
// keyset-paged on (nameKey, id) after the cursor.
// With $schoolIds, only households a grant for those schools covers on $onDate (the access
// decision still confirms each one); null for no narrowing.
CALL () {
  MATCH (a:Address) WHERE a.streetKey STARTS WITH $prefix RETURN a
  UNION
  MATCH (a:Address) WHERE a.streetKey CONTAINS $streetName RETURN a
}
MATCH (a)<-[:LOCATED_AT]-(h:Household)
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
