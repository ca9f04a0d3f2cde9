MATCH (s:Staff)-[assigned:HAS_ROLE|WORKS_AT]->(target)
WHERE assigned.endDate IS NULL
  AND ((target:JobRole AND target.id IN $roleIds)
    OR ((target:School OR target:CentralOfficeTeam) AND target.id IN $locationIds))
RETURN DISTINCT s.employeeId AS employeeId
ORDER BY employeeId
