MATCH (p:Person {birthDate: $birthDate})
WHERE p.mergedIntoId IS NULL
  AND (p.lastNameKey > $afterLast
    OR (p.lastNameKey = $afterLast AND p.firstNameKey > $afterFirst)
    OR (p.lastNameKey = $afterLast AND p.firstNameKey = $afterFirst AND p.id > $afterId))
RETURN p {.*} AS person
ORDER BY p.lastNameKey, p.firstNameKey, p.id
LIMIT $limit
