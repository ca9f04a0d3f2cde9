// Leaving ends the assignment and marks the instant before which completions stop counting.
MATCH (s:Staff {employeeId: $employeeId})
SET s.employmentStatus = 'departed',
    s.requirementsResetAt = $at,
    s.updatedAt = $now,
    s.updatedBy = $actor,
    s.version = s.version + 1
WITH s
CALL (s) {
  OPTIONAL MATCH (s)-[assigned:HAS_ROLE|WORKS_AT]->()
  WHERE assigned.endDate IS NULL
  SET assigned.endDate = $at
}
RETURN s.employeeId AS employeeId
