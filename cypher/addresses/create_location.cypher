MATCH (h:Household {id: $householdId}), (a:Address {id: $addressId})
CREATE (h)-[l:LOCATED_AT {
  id: $id, startDate: $startDate, endDate: null, physical: $physical, mailing: $mailing,
  secondary: $secondary, private: $private,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
}]->(a)
RETURN l.id AS id
