// The `household(id, asOf)` field in one statement: the caller's grant, whether the
// household is in its scope, and the selected fields of the household (null when missing
// or out of scope, alike: a missing id is checked against a stand-in). A mutation's result
// reads read/roots/household_written.
// @include fragments/caller_read_gate
// @include fragments/household_or_stand_in
WITH s, callerGrant, scopeSchoolIds, this,
  // @include fragments/this_household_in_scope
  AS inScope
// The scope first: it is evaluated for the stand-in too (see household_or_stand_in).
WITH s, callerGrant, scopeSchoolIds, this, inScope AND coalesce(this.id = $id, false) AS visible
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant, visible,
  // A subquery rather than a CASE, so what the page reads is planned as operators.
  head(COLLECT { WITH this WHERE visible RETURN @Household }) AS node
