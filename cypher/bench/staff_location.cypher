// Where a staff member works now (the benchmark's clerk's school).
MATCH (:Staff {employeeId: $employeeId})-[w:WORKS_AT]->(location)
WHERE w.endDate IS NULL
RETURN location.id AS locationId
