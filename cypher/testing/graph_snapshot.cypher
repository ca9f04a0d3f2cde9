// The whole graph (but migration records) as sorted plain values, to compare before/after.
CALL () {
  MATCH (n) WHERE NOT n:SchemaMigration
  WITH n ORDER BY n.id
  RETURN collect({labels: labels(n), properties: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WITH a, r, b ORDER BY a.id, type(r), b.id, r.id
  RETURN collect({from: a.id, type: type(r), to: b.id, properties: properties(r)}) AS edges
}
RETURN nodes, edges
