MATCH (h:Household {id: $householdId})
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
SET h.name = $name, h.nameKey = $nameKey, h.comments = $comments, h.private = $private
RETURN h {.*, createdAtSchoolId: school.id} AS household
