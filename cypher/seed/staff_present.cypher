// Which of the demo staff are already recorded (their story is applied only once).
MATCH (s:Staff) WHERE s.employeeId IN $employeeIds
RETURN collect(s.employeeId) AS present
