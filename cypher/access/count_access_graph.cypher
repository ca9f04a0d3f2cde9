// Node and relationship counts of the access graph: a replay must leave them unchanged.
MATCH (n)
WHERE n:Staff OR n:AccessEvent OR n:AccessGrant OR n:AuditEvent
RETURN labels(n)[0] AS label, count(*) AS count
UNION ALL
MATCH ()-[r:HAS_ROLE|WORKS_AT|HOLDS|COVERS|HAD_EVENT]->()
RETURN type(r) AS label, count(*) AS count
