MATCH (s:Staff)-[:HOLDS]->(g:AccessGrant)
WHERE g.status IN ['pending', 'active']
RETURN DISTINCT s.employeeId AS employeeId
ORDER BY employeeId
