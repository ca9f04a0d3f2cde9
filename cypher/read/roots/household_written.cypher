// A mutation's result, when it is a household: as read/roots/household, without the scope
// check of the root household, which the mutation authorized before writing (nested objects
// are still checked by their own fields). A rule the statement never evaluates still costs
// Neo4j its planning (see read/roots/person_written).
// @include fragments/caller_read_gate
// @include fragments/household_or_stand_in
WITH s, callerGrant, scopeSchoolIds, this, coalesce(this.id = $id, false) AS visible
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant, visible,
  // A subquery rather than a CASE, so what the page reads is planned as operators.
  head(COLLECT { WITH this WHERE visible RETURN @Household }) AS node
