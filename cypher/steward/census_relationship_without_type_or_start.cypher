// Census rule: a RELATED_TO edge between live people, not ended before $asOf (nor starting
// after it), whose type is missing or blank or whose start date is missing. Counted in
// full, paged on (sortKey, tieKey).
MATCH (a:Person)-[r:RELATED_TO]->(b:Person)
WHERE a.mergedIntoId IS NULL AND b.mergedIntoId IS NULL
  AND (r.type IS NULL OR trim(r.type) = '' OR r.startDate IS NULL)
  AND (r.endDate IS NULL OR r.endDate >= $asOf)
  AND (r.startDate IS NULL OR r.startDate <= $asOf)
WITH collect({
  sortKey: a.lastNameKey + '|' + a.firstNameKey, tieKey: r.id,
  subject: {id: r.id, kind: 'relationship'},
  related: [
    a {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'},
    b {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'}
  ],
  facts: {type: r.type, startDate: r.startDate}
}) AS found
RETURN size(found) AS total, COLLECT {
  UNWIND found AS f
  WITH f WHERE f.sortKey > $afterSort OR (f.sortKey = $afterSort AND f.tieKey > $afterTie)
  RETURN f ORDER BY f.sortKey, f.tieKey LIMIT $limit
} AS page
