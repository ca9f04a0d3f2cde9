// The `household(id, asOf)` field in one statement: the caller's grant, whether the
// household is in its scope, and the selected fields of the household (null when missing
// or out of scope, alike).
// @include fragments/caller_read_gate
OPTIONAL MATCH (this:Household {id: $id})
WHERE usable
WITH s, callerGrant, scopeSchoolIds, this,
  this IS NOT NULL
  // A mutation's result: its root object was authorized before the write.
  AND (NOT $checked OR
  // @include fragments/this_household_in_scope
  ) AS visible
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant, visible,
  // A subquery rather than a CASE, so what the page reads is planned as operators.
  head(COLLECT { WITH this WHERE visible RETURN @Household }) AS node
