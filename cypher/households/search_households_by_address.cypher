// Households ever located at an address whose street key starts with $prefix, keyset-paged
// on (nameKey, id) after the cursor.
MATCH (a:Address)<-[:LOCATED_AT]-(h:Household)
WHERE a.streetKey STARTS WITH $prefix
WITH DISTINCT h
WHERE h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId)
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN h {.*, createdAtSchoolId: school.id} AS household
ORDER BY h.nameKey, h.id
LIMIT $limit
