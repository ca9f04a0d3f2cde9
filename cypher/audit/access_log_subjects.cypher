// Whose entries make up the access record of $id: a household and everyone who was ever its
// member (a read of a member is a read of the family's data), or a person alone.
OPTIONAL MATCH (household:Household {id: $id})
OPTIONAL MATCH (person:Person {id: $id})
WITH household, person
WHERE (household IS NOT NULL AND $kind = 'Household') OR (person IS NOT NULL AND $kind = 'Person')
RETURN [$id] + COLLECT {
  MATCH (member:Person)-[:MEMBER_OF]->(household)
  RETURN DISTINCT member.id
} AS subjectIds
