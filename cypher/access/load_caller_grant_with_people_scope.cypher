// The caller's grant, as access/load_caller_grant, and in the same round trip where each of
// $personIds is placed on $asOf (households and enrolments, as scope/households_of_people)
// with the ids of those households that the grant covers on $onDate when it is
// school-based: a person page decides on its person without further trips.
MATCH (s:Staff {employeeId: $employeeId})
// @include fragments/caller_active_grant
CALL (g) {
  WITH CASE WHEN g.locationKind = 'school' THEN [g.locationId] ELSE [] END AS scopeSchoolIds
  UNWIND $personIds AS personId
  MATCH (p:Person {id: personId})
  WITH scopeSchoolIds, p,
    // @include fragments/person_household_ids
    AS householdIds,
    // @include fragments/person_school_ids
    AS schoolIds
  CALL (scopeSchoolIds, householdIds) {
    UNWIND householdIds AS householdId
    MATCH (h:Household {id: householdId})
    WHERE
      // @include fragments/household_in_school_scope
    RETURN collect(h.id) AS covered
  }
  RETURN collect({
    personId: p.id, householdIds: householdIds, schoolIds: schoolIds, covered: covered
  }) AS people
}
RETURN s.employmentStatus AS employmentStatus, g {.*} AS grant, people
