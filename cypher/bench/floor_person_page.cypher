// The benchmark's floor for the person page (bench/workload.py PERSON_PAGE): the best single
// statement returning its data, with no authorization (so every related person is shown).
MATCH (p:Person {id: $id})
RETURN p.firstName AS firstName, p.lastName AS lastName, toString(p.birthDate) AS birthDate,
  [(p)-[m:MEMBER_OF]->(h:Household)
    WHERE m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
    | {secondary: m.secondary, household: h {.name}}] AS memberships,
  [(p)-[r:RELATED_TO]-(o:Person)
    WHERE r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
    | {label: CASE WHEN startNode(r) = p THEN coalesce($reciprocals[r.type], r.type)
              ELSE r.type END,
       guardian: r.guardian, firstName: o.firstName, person: o {.firstName},
       emergencyPriority: CASE WHEN endNode(r) = p THEN r.emergencyPriority END,
       household: EXISTS {
         (p)-[m1:MEMBER_OF]->(:Household)<-[m2:MEMBER_OF]-(o)
         WHERE m1.startDate <= $asOf AND (m1.endDate IS NULL OR m1.endDate >= $asOf)
           AND m2.startDate <= $asOf AND (m2.endDate IS NULL OR m2.endDate >= $asOf)
       }}] AS relationships,
  [(p)-[e:ENROLLED_AT]->(s:School)
    WHERE e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
    | {grade: e.grade, school: s {.name}}] AS enrollments
