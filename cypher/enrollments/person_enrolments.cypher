// Every enrolment of a person (all schools), for the overlap rule.
MATCH (:Person {id: $personId})-[e:ENROLLED_AT]->(s:School)
RETURN e {.id, school: s {.id, .name}, .grade, .startDate, .endDate} AS enrolment
