MATCH (s:Staff {employeeId: $employeeId})
CREATE (e:AccessEvent)
SET e = $event
CREATE (s)-[:HAD_EVENT]->(e)
RETURN e.key AS key
