// A few household names the staff member's grant covers today (members enrolled at their
// school), to print a first search that finds something.
MATCH (:Staff {employeeId: $employeeId})-[w:WORKS_AT]->(s:School)
WHERE w.endDate IS NULL
MATCH (s)<-[e:ENROLLED_AT]-(:Person)-[m:MEMBER_OF]->(h:Household)
WHERE e.startDate <= $today AND (e.endDate IS NULL OR e.endDate >= $today)
  AND m.startDate <= $today AND (m.endDate IS NULL OR m.endDate >= $today)
RETURN DISTINCT h.name AS name
ORDER BY name
LIMIT 3
