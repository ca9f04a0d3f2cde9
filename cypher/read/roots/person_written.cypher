// A mutation's result, when it is a person: as read/roots/person, without the scope check of
// the root person, which the mutation authorized before writing (nested objects are still
// checked by their own fields). A rule the statement never evaluates still costs Neo4j its
// planning, the most of any statement a write runs after a restart (docs/operations.md).
// @include fragments/caller_read_gate
// @include fragments/person_or_stand_in
WITH s, callerGrant, scopeSchoolIds, this, coalesce(this.id = $id, false) AS visible
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant, visible,
  // A subquery rather than a CASE, so what the page reads is planned as operators.
  head(COLLECT { WITH this WHERE visible RETURN @Person }) AS node
