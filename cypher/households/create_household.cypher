// The household, and its CREATED_AT school when one is named (schoolFound says if it exists).
OPTIONAL MATCH (school:School {id: $createdAtSchoolId})
CREATE (h:Household {
  id: $id, name: $name, nameKey: $nameKey, comments: $comments, private: $private,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
})
FOREACH (s IN CASE WHEN school IS NULL THEN [] ELSE [school] END |
  CREATE (h)-[:CREATED_AT]->(s)
)
WITH h, school
// @include fragments/list_household_at_schools
RETURN h {.*, createdAtSchoolId: school.id} AS household, school IS NOT NULL AS schoolFound
