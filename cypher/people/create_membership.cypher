MATCH (p:Person {id: $personId}), (h:Household {id: $householdId})
CREATE (p)-[m:MEMBER_OF {
  id: $id, startDate: $startDate, endDate: $endDate, secondary: $secondary, private: $private,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
}]->(h)
WITH h, m
// @include fragments/list_household_at_schools
RETURN m.id AS id
