// Households with a member (ever) whose last name starts with $lastPrefix and first name
// with $firstPrefix, keyset-paged on (nameKey, id).
MATCH (p:Person)-[:MEMBER_OF]->(h:Household)
WHERE p.lastNameKey STARTS WITH $lastPrefix AND p.firstNameKey STARTS WITH $firstPrefix
WITH DISTINCT h
WHERE h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId)
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN h {.*, createdAtSchoolId: school.id} AS household
ORDER BY h.nameKey, h.id
LIMIT $limit
