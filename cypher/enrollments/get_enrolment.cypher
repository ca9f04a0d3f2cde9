MATCH (p:Person)-[e:ENROLLED_AT {id: $enrolmentId}]->(s:School)
RETURN p.id AS personId,
       e {.id, school: s {.id, .name}, .grade, .startDate, .endDate} AS enrolment
