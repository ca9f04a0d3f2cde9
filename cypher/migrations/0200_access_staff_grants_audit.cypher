// Certified household access: staff, job roles, feed events, grants and the audit trail.
CREATE CONSTRAINT staff_employee_id_unique IF NOT EXISTS
FOR (n:Staff) REQUIRE n.employeeId IS UNIQUE;
CREATE CONSTRAINT staff_id_unique IF NOT EXISTS FOR (n:Staff) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT job_role_id_unique IF NOT EXISTS FOR (n:JobRole) REQUIRE n.id IS UNIQUE;
// The idempotency key: a replayed event collides here instead of being applied twice.
CREATE CONSTRAINT access_event_key_unique IF NOT EXISTS
FOR (n:AccessEvent) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT access_grant_id_unique IF NOT EXISTS
FOR (n:AccessGrant) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_event_id_unique IF NOT EXISTS
FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
// The sweep finds live grants by status; audits are read by time and by staff member.
CREATE INDEX access_grant_status IF NOT EXISTS FOR (n:AccessGrant) ON (n.status);
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
CREATE INDEX audit_event_employee IF NOT EXISTS FOR (n:AuditEvent) ON (n.employeeId);
