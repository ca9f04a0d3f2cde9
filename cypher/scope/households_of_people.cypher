// For the access decision on people: each person's current households and the schools
// they are enrolled at on $asOf (a person is in scope through either).
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})
RETURN
  p.id AS personId,
  COLLECT {
    MATCH (p)-[m:MEMBER_OF]->(h:Household)
    WHERE m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
    RETURN DISTINCT h.id
  } AS householdIds,
  COLLECT {
    MATCH (p)-[e:ENROLLED_AT]->(s:School)
    WHERE e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
    RETURN DISTINCT s.id
  } AS schoolIds
