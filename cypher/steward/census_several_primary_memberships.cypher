// Census rule: a live person with more than one current primary (non-secondary) membership
// on $asOf. Counted in full, paged on (sortKey, tieKey).
MATCH (p:Person)-[m:MEMBER_OF]->(h:Household)
WHERE p.mergedIntoId IS NULL AND coalesce(m.secondary, false) = false
  AND m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
WITH p, h ORDER BY h.nameKey, h.id
WITH p, collect(DISTINCT h {.id, .name, kind: 'household'}) AS homes
WHERE size(homes) > 1
WITH collect({
  sortKey: p.lastNameKey + '|' + p.firstNameKey, tieKey: p.id,
  subject: p {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'},
  related: homes, facts: {households: size(homes)}
}) AS found
RETURN size(found) AS total, COLLECT {
  UNWIND found AS f
  WITH f WHERE f.sortKey > $afterSort OR (f.sortKey = $afterSort AND f.tieKey > $afterTie)
  RETURN f ORDER BY f.sortKey, f.tieKey LIMIT $limit
} AS page
