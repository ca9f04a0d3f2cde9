// `this`: the person $id names, or, when it names nobody, a stand-in: the person with the next
// id up (the unique index gives it in one ordered seek). The scope check that follows runs on
// whichever was found, so an id outside the caller's scope and an id of nobody take the same
// statements and the same work, and their timings cannot tell them apart (issue 12: only an
// existing id went on to the scope check and answered about 0.1 ms slower). Ids are random
// UUIDs, so the stand-in is a person drawn at random. It is never shown: `visible` also asks
// that its id be the one asked for. Nothing is read for a caller whose grant is not usable.
OPTIONAL CALL (usable) {
  // No bound, so nothing read, when the grant is not usable: a `usable AND` here was planned
  // as a filter after the seek, a false one let no row reach the LIMIT, and the seek read
  // every id above $id (see scope/write_targets_in_scope).
  MATCH (candidate:Person)
  WHERE candidate.id >= CASE WHEN usable THEN $id END
  RETURN candidate ORDER BY candidate.id LIMIT 1
}
WITH s, callerGrant, scopeSchoolIds, candidate AS this
