// The access record of one household or person: every audited read, change or refusal that
// named one of $subjectIds, at or after $from and before $to, oldest first, keyset-paged
// after ($afterAt, $afterId). The range on `at` uses the audit_event_at index.
MATCH (a:AuditEvent)
WHERE a.at >= $from AND a.at < $to
  AND a.kind IN ['household.read', 'household.write', 'access.decision']
  AND ($afterAt IS NULL OR a.at > $afterAt OR (a.at = $afterAt AND a.id > $afterId))
  AND any(subjectId IN $subjectIds
          WHERE subjectId IN coalesce(a.objectIds, [])
             OR subjectId IN coalesce(a.householdIds, [])
             OR subjectId IN coalesce(a.deniedIds, []))
RETURN a {.*} AS entry
ORDER BY a.at, a.id
LIMIT $limit
