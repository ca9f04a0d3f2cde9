// The `person(id, asOf)` field in one statement: the caller's grant, whether the person is in
// its scope, and the selected fields of the person (null when missing or out of scope).
// @include fragments/caller_read_gate
OPTIONAL MATCH (this:Person {id: $id})
WHERE usable
WITH s, callerGrant, scopeSchoolIds, this,
  this IS NOT NULL
  // A mutation's result: its root object was authorized before the write.
  AND (NOT $checked OR
  // @include fragments/this_person_in_scope
  ) AS visible
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant, visible,
  // A subquery rather than a CASE, so what the page reads is planned as operators.
  head(COLLECT { WITH this WHERE visible RETURN @Person }) AS node
