// Name-prefix search, keyset-paged on (nameKey, id) after the cursor.
MATCH (h:Household)
WHERE h.nameKey STARTS WITH $prefix
  AND (h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId))
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN h {.*, createdAtSchoolId: school.id} AS household
ORDER BY h.nameKey, h.id
LIMIT $limit
