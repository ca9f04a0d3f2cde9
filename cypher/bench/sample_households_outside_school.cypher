// Households a clerk of school $schoolId may not see on $onDate: the "exists but out of
// scope" ids of the forbidden-vs-missing bench, by the service's own scope fragment.
MATCH (h:Household)
WITH h, [$schoolId] AS scopeSchoolIds
WHERE NOT
  // @include fragments/household_in_school_scope
WITH h LIMIT $limit
RETURN h.id AS householdId
