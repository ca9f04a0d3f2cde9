// Households with a member enrolled at the school today, and their members: what the
// benchmark's school clerk can open (and the raw-Cypher floor reads the same ones).
MATCH (s:School {id: $schoolId})<-[e:ENROLLED_AT]-(p:Person)-[m:MEMBER_OF]->(h:Household)
WHERE e.startDate <= $today AND (e.endDate IS NULL OR e.endDate >= $today)
  AND m.startDate <= $today AND (m.endDate IS NULL OR m.endDate >= $today)
WITH DISTINCT h LIMIT $limit
RETURN h.id AS householdId, h.name AS name,
  COLLECT {
    MATCH (q:Person)-[mm:MEMBER_OF]->(h)
    WHERE mm.startDate <= $today AND (mm.endDate IS NULL OR mm.endDate >= $today)
    RETURN q.id
  } AS memberIds
