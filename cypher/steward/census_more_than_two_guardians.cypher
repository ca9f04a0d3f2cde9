// Census rule: a student (a current ENROLLED_AT on $asOf) with more than two current
// guardians (incoming RELATED_TO with guardian = true from live people). Counted in full,
// paged on (sortKey, tieKey).
MATCH (s:Person)-[e:ENROLLED_AT]->(:School)
WHERE s.mergedIntoId IS NULL
  AND e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
WITH DISTINCT s
MATCH (g:Person)-[r:RELATED_TO]->(s)
WHERE r.guardian = true AND g.mergedIntoId IS NULL
  AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
WITH s, g ORDER BY g.lastNameKey, g.firstNameKey, g.id
WITH s, collect(DISTINCT g {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'})
  AS guardians
WHERE size(guardians) > 2
WITH collect({
  sortKey: s.lastNameKey + '|' + s.firstNameKey, tieKey: s.id,
  subject: s {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'},
  related: guardians, facts: {guardians: size(guardians)}
}) AS found
RETURN size(found) AS total, COLLECT {
  UNWIND found AS f
  WITH f WHERE f.sortKey > $afterSort OR (f.sortKey = $afterSort AND f.tieKey > $afterTie)
  RETURN f ORDER BY f.sortKey, f.tieKey LIMIT $limit
} AS page
