// Census rule: a student (a current ENROLLED_AT on $asOf) with no current guardian (an
// incoming RELATED_TO with guardian = true from a live person). All findings are counted;
// the page is keyset-ordered on (sortKey, tieKey) after the cursor.
MATCH (s:Person)-[e:ENROLLED_AT]->(school:School)
WHERE s.mergedIntoId IS NULL
  AND e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
  AND NOT EXISTS {
    MATCH (g:Person)-[r:RELATED_TO]->(s)
    WHERE r.guardian = true AND g.mergedIntoId IS NULL
      AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
  }
WITH s, collect(DISTINCT school {.id, .name, kind: 'school'}) AS schools
WITH collect({
  sortKey: s.lastNameKey + '|' + s.firstNameKey, tieKey: s.id,
  subject: s {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'},
  related: schools, facts: {}
}) AS found
RETURN size(found) AS total, COLLECT {
  UNWIND found AS f
  WITH f WHERE f.sortKey > $afterSort OR (f.sortKey = $afterSort AND f.tieKey > $afterTie)
  RETURN f ORDER BY f.sortKey, f.tieKey LIMIT $limit
} AS page
