// The household and access graph (not the audit trail, which denials append to, nor the
// migration records) as sorted plain values, to prove a refused request changed nothing.
CALL () {
  MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:AuditEvent
  WITH n ORDER BY n.id
  RETURN collect({labels: labels(n), properties: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WHERE NOT a:AuditEvent AND NOT b:AuditEvent
  WITH a, r, b ORDER BY a.id, type(r), b.id, r.id
  RETURN collect({from: a.id, type: type(r), to: b.id, properties: properties(r)}) AS edges
}
RETURN nodes, edges
