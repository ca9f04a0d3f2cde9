// Households that ever had the phone number (E.164), keyset-paged on (nameKey, id).
MATCH (:Phone {number: $number})<-[:HAS_PHONE]-(h:Household)
WITH DISTINCT h
WHERE h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId)
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN h {.*, createdAtSchoolId: school.id} AS household
ORDER BY h.nameKey, h.id
LIMIT $limit
