// The ids among $householdIds that a grant for the schools $schoolIds covers on $onDate.
UNWIND $householdIds AS householdId
MATCH (h:Household {id: householdId})
WITH h, $schoolIds AS scopeSchoolIds
WHERE
  // @include fragments/household_in_school_scope
RETURN DISTINCT h.id AS id
