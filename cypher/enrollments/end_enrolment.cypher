MATCH (:Person)-[e:ENROLLED_AT {id: $enrolmentId}]->(s:School)
SET e.endDate = $endDate, e.updatedAt = $now, e.updatedBy = $actor, e.version = e.version + 1
RETURN e {.id, school: s {.id, .name}, .grade, .startDate, .endDate} AS enrolment
