// Whether household `h` is listed at one of `scopeSchoolIds` (fragments/list_household_at_schools:
// an edge to every school any member was, is or will be enrolled at, or it was created at): a
// superset of the schools that can cover it on any day, so a cheap first test before the
// scope rule (two or three hops against the rule's walk of every member's enrolments). A
// school clerk's searches that draw candidates from the whole district's indexes (address,
// member name, phone) turn most of them away here.
EXISTS {
  MATCH (h)-[:LISTED_AT]->(scopeListedAt:School)
  WHERE scopeListedAt.id IN scopeSchoolIds
}
