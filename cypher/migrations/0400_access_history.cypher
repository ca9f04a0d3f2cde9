// Point-in-time access (issue 13): each staff member's facts as they stood after every change,
// kept immutable, so "what was X's access on that day" is answered from what was known then.
CREATE CONSTRAINT access_state_id_unique IF NOT EXISTS
FOR (n:AccessState) REQUIRE n.id IS UNIQUE;
// One state per step of a staff member's history (the staff node's lock orders the steps).
CREATE CONSTRAINT access_state_step_unique IF NOT EXISTS
FOR (n:AccessState) REQUIRE (n.employeeId, n.seq) IS UNIQUE;
CREATE INDEX access_state_recorded IF NOT EXISTS
FOR (n:AccessState) ON (n.employeeId, n.recordedAt);
