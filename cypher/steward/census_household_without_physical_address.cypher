// Census rule: a household with current members on $asOf (a household nobody lives in any
// more is history, not a break) and no current physical LOCATED_AT. Lists up to 20 members;
// counted in full, paged on (sortKey, tieKey).
MATCH (p:Person)-[m:MEMBER_OF]->(h:Household)
WHERE p.mergedIntoId IS NULL
  AND m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
  AND NOT EXISTS {
    MATCH (h)-[l:LOCATED_AT]->(:Address)
    WHERE l.physical = true
      AND l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
  }
WITH h, p ORDER BY p.lastNameKey, p.firstNameKey, p.id
WITH h, collect(DISTINCT p {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'})
  AS members
WITH collect({
  sortKey: h.nameKey, tieKey: h.id,
  subject: h {.id, .name, kind: 'household'},
  related: members[..20], facts: {members: size(members)}
}) AS found
RETURN size(found) AS total, COLLECT {
  UNWIND found AS f
  WITH f WHERE f.sortKey > $afterSort OR (f.sortKey = $afterSort AND f.tieKey > $afterTie)
  RETURN f ORDER BY f.sortKey, f.tieKey LIMIT $limit
} AS page
