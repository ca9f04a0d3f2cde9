// The edges that make someone this person's emergency contact, with their dates.
MATCH (:Person)-[r:RELATED_TO]->(p:Person {id: $personId})
WHERE r.emergencyPriority IS NOT NULL
RETURN r {.*, fromPersonId: startNode(r).id, toPersonId: p.id} AS relationship
