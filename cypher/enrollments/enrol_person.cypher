MATCH (p:Person {id: $personId}), (s:School {id: $schoolId})
CREATE (p)-[e:ENROLLED_AT {
  id: $id, startDate: $startDate, endDate: $endDate, grade: $grade,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
}]->(s)
// The person's households are now listed at this school too.
WITH p, e, s
CALL (p) {
  MATCH (p)-[:MEMBER_OF]->(h:Household)
  // @include fragments/list_household_at_schools
}
RETURN e {.id, school: s {.id, .name}, .grade, .startDate, .endDate} AS enrolment
