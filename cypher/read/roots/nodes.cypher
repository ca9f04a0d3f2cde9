// `node(id)` and `nodes(ids)` in one statement: the caller's grant and the selected fields
// of each of $householdIds and $personIds that exists and is in the grant's scope.
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    UNWIND $householdIds AS householdId
    MATCH (this:Household {id: householdId})
    WHERE
      // @include fragments/this_household_in_scope
    RETURN @Household
  } AS households,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    UNWIND $personIds AS personId
    MATCH (this:Person {id: personId})
    WHERE
      // @include fragments/this_person_in_scope
    RETURN @Person
  } AS people
