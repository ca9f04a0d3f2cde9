MATCH (p:Person {id: $personId}), (h:Household {id: $householdId})
CREATE (p)-[m:MEMBER_OF {
  id: $id, startDate: $startDate, endDate: $endDate, secondary: $secondary, private: $private,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
}]->(h)
RETURN m.id AS id
