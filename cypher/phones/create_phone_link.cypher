OPTIONAL MATCH (h:Household {id: $ownerId})
OPTIONAL MATCH (p:Person {id: $ownerId})
WITH coalesce(h, p) AS owner
MATCH (ph:Phone {id: $phoneId})
CREATE (owner)-[l:HAS_PHONE {
  id: $id, priority: $priority, private: $private, startDate: $startDate, endDate: null,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
}]->(ph)
RETURN l.id AS id
