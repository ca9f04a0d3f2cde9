// Census rule: a current guardian of a student with current memberships (primary or
// secondary) of more than one household on $asOf. Counted in full, paged on
// (sortKey, tieKey).
MATCH (g:Person)-[r:RELATED_TO]->(s:Person)
WHERE r.guardian = true AND g.mergedIntoId IS NULL AND s.mergedIntoId IS NULL
  AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
  AND EXISTS {
    MATCH (s)-[e:ENROLLED_AT]->(:School)
    WHERE e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
  }
WITH DISTINCT g
MATCH (g)-[m:MEMBER_OF]->(h:Household)
WHERE m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
WITH g, h ORDER BY h.nameKey, h.id
WITH g, collect(DISTINCT h {.id, .name, kind: 'household'}) AS homes
WHERE size(homes) > 1
WITH collect({
  sortKey: g.lastNameKey + '|' + g.firstNameKey, tieKey: g.id,
  subject: g {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'},
  related: homes, facts: {households: size(homes)}
}) AS found
RETURN size(found) AS total, COLLECT {
  UNWIND found AS f
  WITH f WHERE f.sortKey > $afterSort OR (f.sortKey = $afterSort AND f.tieKey > $afterTie)
  RETURN f ORDER BY f.sortKey, f.tieKey LIMIT $limit
} AS page
