// A staff member's audit entries of one operation that name any of $ids (as objects read or
// denied), with the ids of $ids each names: how the forbidden-vs-missing bench's two kinds of
// id were audited.
MATCH (a:AuditEvent {actor: $actor})
WHERE a.operation = $operation
WITH a, [id IN coalesce(a.objectIds, []) + coalesce(a.deniedIds, []) WHERE id IN $ids] AS named
WHERE size(named) > 0
RETURN a {.*} AS entry, named
