// The date of the latest HR change applied, so an older one arriving late is refused.
MATCH (s:Staff {employeeId: $employeeId})
SET s.lastHrEventAt = $at
RETURN s.employeeId AS employeeId
