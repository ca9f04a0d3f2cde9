// Every RELATED_TO edge touching the person, either direction, ended ones too.
MATCH (p:Person {id: $personId})-[r:RELATED_TO]-(:Person)
RETURN r {.*, fromPersonId: startNode(r).id, toPersonId: endNode(r).id} AS relationship
