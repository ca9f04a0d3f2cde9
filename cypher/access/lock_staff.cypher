// Writing to the node takes its write lock, so two events for one person run one at a time.
MATCH (s:Staff {employeeId: $employeeId})
SET s.lastEventAt = $now
RETURN s.employmentStatus AS employmentStatus, s.lastHrEventAt AS lastHrEventAt
