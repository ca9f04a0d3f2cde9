// After an expiry, completions dated before it no longer count.
MATCH (s:Staff {employeeId: $employeeId})
SET s.requirementsResetAt = $at
RETURN s.employeeId AS employeeId
