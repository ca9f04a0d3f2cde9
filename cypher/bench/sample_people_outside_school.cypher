// Live people a clerk of school $schoolId may not see on $onDate (no current household the
// school's grant covers, no enrolment there): the "exists but out of scope" ids of the
// forbidden-vs-missing bench. The scope rule is the service's own fragment.
MATCH (p:Person)
WHERE p.mergedIntoId IS NULL
WITH p, [$schoolId] AS scopeSchoolIds
WHERE NOT
  // @include fragments/person_in_school_scope
WITH p LIMIT $limit
RETURN p.id AS personId
