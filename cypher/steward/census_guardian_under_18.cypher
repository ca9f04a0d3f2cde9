// Census rule: a current guardian of a student who is under 18 on $asOf (born after the day
// 18 years before). One finding per guardian, listing the students; counted in full, paged
// on (sortKey, tieKey).
MATCH (g:Person)-[r:RELATED_TO]->(s:Person)
WHERE r.guardian = true AND g.mergedIntoId IS NULL AND s.mergedIntoId IS NULL
  AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
  AND g.birthDate > $asOf - duration({years: 18})
  AND EXISTS {
    MATCH (s)-[e:ENROLLED_AT]->(:School)
    WHERE e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
  }
WITH g, s ORDER BY s.lastNameKey, s.firstNameKey, s.id
WITH g, collect(DISTINCT s {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'})
  AS students
WITH collect({
  sortKey: g.lastNameKey + '|' + g.firstNameKey, tieKey: g.id,
  subject: g {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'},
  related: students, facts: {birthDate: g.birthDate}
}) AS found
RETURN size(found) AS total, COLLECT {
  UNWIND found AS f
  WITH f WHERE f.sortKey > $afterSort OR (f.sortKey = $afterSort AND f.tieKey > $afterTie)
  RETURN f ORDER BY f.sortKey, f.tieKey LIMIT $limit
} AS page
