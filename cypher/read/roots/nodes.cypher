// `node(id)` and `nodes(ids)` in one statement: the caller's grant and the selected fields
// of each of $householdIds and $personIds that exists and is in the grant's scope. An id that
// names nothing is checked against a stand-in, the record with the next id up, so that it
// costs what an id outside the scope costs (issue 12; see fragments/person_or_stand_in). The
// stand-in is never shown: the scope is decided first, then the id must be the one asked for.
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    UNWIND $householdIds AS householdId
    CALL (householdId) {
      MATCH (candidate:Household)
      WHERE candidate.id >= householdId
      RETURN candidate ORDER BY candidate.id LIMIT 1
    }
    WITH scopeSchoolIds, householdId, candidate AS this
    WITH householdId, this,
      // @include fragments/this_household_in_scope
      AS inScope
    // Shown only if in scope and the one asked for; a filter on the id alone could be
    // planned before the scope check and spare the stand-in its work.
    WITH this, CASE WHEN inScope THEN this.id END AS shownId, householdId
    WHERE shownId = householdId
    RETURN @Household
  } AS households,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    UNWIND $personIds AS personId
    CALL (personId) {
      MATCH (candidate:Person)
      WHERE candidate.id >= personId
      RETURN candidate ORDER BY candidate.id LIMIT 1
    }
    WITH scopeSchoolIds, personId, candidate AS this
    WITH personId, this,
      // @include fragments/this_person_in_scope
      AS inScope
    WITH this, CASE WHEN inScope THEN this.id END AS shownId, personId
    WHERE shownId = personId
    RETURN @Person
  } AS people
