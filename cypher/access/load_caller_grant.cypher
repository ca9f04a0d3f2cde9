// One indexed lookup (unique employeeId) for the caller's active grant, once per request.
MATCH (s:Staff {employeeId: $employeeId})
// @include fragments/caller_active_grant
RETURN s.employmentStatus AS employmentStatus, g {.*} AS grant
