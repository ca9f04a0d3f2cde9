// Every phone link of a household or person, for priority and overlap rules.
OPTIONAL MATCH (h:Household {id: $ownerId})
OPTIONAL MATCH (p:Person {id: $ownerId})
WITH coalesce(h, p) AS owner
MATCH (owner)-[l:HAS_PHONE]->(ph:Phone)
RETURN l {.*, phoneId: ph.id} AS link
