// Only grants the sweep can change or must list; everything else changes through events,
// which re-decide in their own transaction.
MATCH (s:Staff)-[:HOLDS]->(g:AccessGrant)
WHERE g.status = 'pending'
   OR (g.status = 'active' AND (g.expiresAt <= $now OR g.validThrough <= $dueBy))
RETURN DISTINCT s.employeeId AS employeeId
ORDER BY employeeId
