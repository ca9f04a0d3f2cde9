// The caller of a compiled read, checked inside the read's own statement and read fresh each
// time: staff `s`, the newest active grant `g`, `usable` when that grant may be used at $now
// (employed, active, activated, not yet expired: the grant-level conditions of
// access.decision.grant_denial, which still gives the verdict, rights included, on what the
// statement returns), and `scopeSchoolIds`, the schools a school-based grant is limited to
// (null for a district-wide grant). Nothing is read for a caller whose grant is not usable.
OPTIONAL MATCH (s:Staff {employeeId: $employeeId})
// @include fragments/caller_active_grant
// `callerGrant` is the grant as access.facts.Grant reads it, instants formatted here.
// $now is ISO-8601 text (db.access_values.instant_text), parsed here: the driver's own
// conversion of a Python datetime parameter costs ~80 microseconds of service CPU a read.
WITH s, g, datetime($now) AS now
WITH s, g,
  coalesce(s.employmentStatus = 'active' AND g.activatedAt <= now AND now < g.expiresAt, false)
    AS usable,
  CASE WHEN g.locationKind = 'school' THEN [g.locationId] END AS scopeSchoolIds,
  CASE WHEN g IS NOT NULL THEN g {
    .id, .status, .track, .roleId, .locationKind, .locationId, .locationName, .rights,
    .policyVersion, .endReason,
    requirementsMetAt: toString(g.requirementsMetAt), pendingSince: toString(g.pendingSince),
    activeBy: toString(g.activeBy), activatedAt: toString(g.activatedAt),
    validThrough: toString(g.validThrough), expiresAt: toString(g.expiresAt),
    renewedAt: toString(g.renewedAt), endedAt: toString(g.endedAt),
    resetBeforeExpiry: toString(g.resetBeforeExpiry)
  } END AS callerGrant
