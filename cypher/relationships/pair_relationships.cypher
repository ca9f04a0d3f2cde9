// Every RELATED_TO edge between the two people, in either direction.
MATCH (a:Person {id: $personId})-[r:RELATED_TO]-(b:Person {id: $relatedPersonId})
RETURN r {.*, fromPersonId: startNode(r).id, toPersonId: endNode(r).id} AS relationship
