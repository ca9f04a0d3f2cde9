MATCH (p:Person {id: $personId}), (s:School {id: $schoolId})
CREATE (p)-[e:ENROLLED_AT {
  id: $id, startDate: $startDate, endDate: $endDate, grade: $grade,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
}]->(s)
RETURN e {.id, school: s {.id, .name}, .grade, .startDate, .endDate} AS enrolment
