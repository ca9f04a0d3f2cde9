// Creates the staff member or, for a rehire, makes them active again; the assignment
// statements that follow give them their role and location.
MERGE (s:Staff {employeeId: $employeeId})
  ON CREATE SET s.id = $newId, s.createdAt = $now, s.createdBy = $actor, s.version = 0
SET s.name = coalesce($name, s.name),
    s.email = coalesce($email, s.email),
    s.employmentStatus = 'active',
    s.updatedAt = $now,
    s.updatedBy = $actor,
    s.version = s.version + 1
RETURN s.employeeId AS employeeId
