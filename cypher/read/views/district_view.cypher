// A steward view in one statement: the caller's gate (read fresh, as every read's), then the
// view's own statement (`@View`, a whole statement of cypher/steward/) only for a usable
// district-wide grant. OPTIONAL CALL keeps the caller's row when the view finds nothing or
// is not run, so the grant always comes back and the one decision (services.steward_gate)
// gives the verdict, rights included, on what the statement returns.
// @include fragments/caller_read_gate
WITH s.employmentStatus AS employmentStatus, callerGrant AS grant,
  usable AND scopeSchoolIds IS NULL AS districtWide
OPTIONAL CALL (districtWide) {
  WITH districtWide WHERE districtWide
  @View
}
RETURN *
