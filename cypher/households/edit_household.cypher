MATCH (h:Household {id: $householdId})
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
SET h.name = $name, h.nameKey = $nameKey, h.comments = $comments, h.private = $private
// The listings' keys carry the name.
WITH h, school
// @include fragments/list_household_at_schools
RETURN h {.*, createdAtSchoolId: school.id} AS household
