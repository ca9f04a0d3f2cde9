// `this`: the household $id names, or, when it names none, a stand-in: the household with the
// next id up (one ordered seek of the unique index). The scope check that follows runs on
// whichever was found, so an id outside the caller's scope and an id of nothing take the same
// statements and the same work (issue 12; see person_or_stand_in). The stand-in is never
// shown: `visible` also asks that its id be the one asked for.
OPTIONAL CALL (usable) {
  // No bound, so nothing read, when the grant is not usable: a `usable AND` here was planned
  // as a filter after the seek, a false one let no row reach the LIMIT, and the seek read
  // every id above $id (see scope/write_targets_in_scope).
  MATCH (candidate:Household)
  WHERE candidate.id >= CASE WHEN usable THEN $id END
  RETURN candidate ORDER BY candidate.id LIMIT 1
}
WITH s, callerGrant, scopeSchoolIds, candidate AS this
