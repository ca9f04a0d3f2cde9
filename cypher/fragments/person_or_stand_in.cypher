// `this`: the person $id names, or, when it names nobody, a stand-in: the person with the next
// id up (the unique index gives it in one ordered seek). The scope check that follows runs on
// whichever was found, so an id outside the caller's scope and an id of nobody take the same
// statements and the same work, and their timings cannot tell them apart (issue 12: only an
// existing id went on to the scope check and answered about 0.1 ms slower). Ids are random
// UUIDs, so the stand-in is a person drawn at random. It is never shown: `visible` also asks
// that its id be the one asked for. Nothing is read for a caller whose grant is not usable.
OPTIONAL CALL (usable) {
  MATCH (candidate:Person)
  WHERE usable AND candidate.id >= $id
  RETURN candidate ORDER BY candidate.id LIMIT 1
}
WITH s, callerGrant, scopeSchoolIds, candidate AS this
