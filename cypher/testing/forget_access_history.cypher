// Tests: make a staff member look recorded before access history was kept.
MATCH (state:AccessState {employeeId: $employeeId})
DETACH DELETE state
