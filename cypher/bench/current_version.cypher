// The version a household or person is at now, so each hostile request differs from a
// request that works in one place only (not also in a stale expectedVersion).
OPTIONAL MATCH (h:Household {id: $id})
OPTIONAL MATCH (p:Person {id: $id})
RETURN coalesce(h.version, p.version) AS version
