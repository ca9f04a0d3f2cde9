// Student numbers are unique, so this finds at most one; paged like the other searches.
MATCH (p:Person {studentNumber: $studentNumber})
WHERE p.lastNameKey > $afterLast
  OR (p.lastNameKey = $afterLast AND p.firstNameKey > $afterFirst)
  OR (p.lastNameKey = $afterLast AND p.firstNameKey = $afterFirst AND p.id > $afterId)
RETURN p {.*} AS person
ORDER BY p.lastNameKey, p.firstNameKey, p.id
LIMIT $limit
