// The caller's grant, as access/load_caller_grant, and in the same round trip the ids among
// $householdIds that the grant covers on $onDate when it is school-based: a request naming
// one household (its page) decides on it without a second trip. District-wide grants and
// staff without a grant get an empty list (the decision does not read it for them).
MATCH (s:Staff {employeeId: $employeeId})
// @include fragments/caller_active_grant
CALL (g) {
  WITH CASE WHEN g.locationKind = 'school' THEN [g.locationId] ELSE [] END AS scopeSchoolIds
  UNWIND $householdIds AS householdId
  MATCH (h:Household {id: householdId})
  WHERE
    // @include fragments/household_in_school_scope
  RETURN collect(DISTINCT h.id) AS covered
}
RETURN s.employmentStatus AS employmentStatus, g {.*} AS grant, covered
