// Name-prefix search, keyset-paged on (nameKey, id) after the cursor.
// District-wide ($schoolIds null) it reads the name index. For a school's grant it starts
// from the households the grant may cover, which costs the same however large the district
// is (a school's clerk sees about one household in eighty of a large district's matches),
// and keeps those the grant covers on $onDate; the access decision still confirms each one.
CALL () {
  WITH 1 AS districtWide
  WHERE $schoolIds IS NULL
  MATCH (h:Household)
  WHERE h.nameKey STARTS WITH $prefix
    AND (h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId))
  RETURN h
  UNION
  WITH 1 AS schoolBased
  WHERE $schoolIds IS NOT NULL
  // @include fragments/households_a_school_grant_may_cover
  // Names first (a property test), the scope rule only for the few that match.
  WITH DISTINCT h
  WHERE h.nameKey STARTS WITH $prefix
    AND (h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId))
  WITH h, $schoolIds AS scopeSchoolIds
  WHERE
    // @include fragments/household_in_school_scope
  RETURN h
}
WITH h
ORDER BY h.nameKey, h.id
LIMIT $limit
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN h {.*, createdAtSchoolId: school.id} AS household
ORDER BY h.nameKey, h.id
