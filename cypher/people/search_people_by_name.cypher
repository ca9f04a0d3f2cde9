// Last-name prefix (and optional first-name prefix), keyset-paged on (lastNameKey,
// firstNameKey, id). Merged aliases are left out.
MATCH (p:Person)
WHERE p.lastNameKey STARTS WITH $lastPrefix AND p.firstNameKey STARTS WITH $firstPrefix
  AND p.mergedIntoId IS NULL
  AND (p.lastNameKey > $afterLast
    OR (p.lastNameKey = $afterLast AND p.firstNameKey > $afterFirst)
    OR (p.lastNameKey = $afterLast AND p.firstNameKey = $afterFirst AND p.id > $afterId))
RETURN p {.*} AS person
ORDER BY p.lastNameKey, p.firstNameKey, p.id
LIMIT $limit
