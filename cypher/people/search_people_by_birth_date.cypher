// With $schoolIds, only people a grant for those schools covers (their households on $asOf
// on $onDate, or an enrolment on $asOf); null for no narrowing. The decision still confirms.
MATCH (p:Person {birthDate: $birthDate})
WHERE p.mergedIntoId IS NULL
  AND (p.lastNameKey > $afterLast
    OR (p.lastNameKey = $afterLast AND p.firstNameKey > $afterFirst)
    OR (p.lastNameKey = $afterLast AND p.firstNameKey = $afterFirst AND p.id > $afterId))
WITH p, $schoolIds AS scopeSchoolIds
WHERE scopeSchoolIds IS NULL
  OR
  // @include fragments/person_in_school_scope
RETURN p {.*} AS person
ORDER BY p.lastNameKey, p.firstNameKey, p.id
LIMIT $limit
